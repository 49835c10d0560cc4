#include "historyview.h"

#include "base/timeformat.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "widgets/displaytext.h"

#include <QHeaderView>
#include <QLocale>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

QString valueText(const QString &field, const QVariant &value, const HistoryView::ValueText &readable)
{
    if (readable && value.isValid() && !value.isNull() && !value.toString().isEmpty()) {
        const QString shown = readable(field, value);
        if (!shown.isEmpty())
            return shown;
    }
    return auditValueText(value);
}

} // namespace

QString auditActionTitle(AuditAction action)
{
    switch (action) {
    case AuditAction::Create:
        return HistoryView::tr("Created");
    case AuditAction::Update:
        return HistoryView::tr("Changed");
    case AuditAction::Delete:
        return HistoryView::tr("Deleted");
    case AuditAction::Retire:
        return HistoryView::tr("Retired");
    case AuditAction::Reinstate:
        return HistoryView::tr("Reinstated");
    }
    return {};
}

QString auditValueText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return HistoryView::tr("(empty)");
    const QString text = value.toString();
    if (text.isEmpty())
        return HistoryView::tr("(empty)");
    // A stored moment (UTC, ISO 8601 with a Z) reads in local time and a stored date in the
    // locale's form, as everywhere else.
    static const QRegularExpression storedUtc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z$"));
    if (storedUtc.match(text).hasMatch()) {
        const QDateTime moment = fromStoredUtc(text);
        if (moment.isValid())
            return shortDateTime(moment);
    }
    static const QRegularExpression storedDate(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d$"));
    if (storedDate.match(text).hasMatch()) {
        const QDate date = fromStoredDate(text);
        if (date.isValid())
            return QLocale().toString(date, QLocale::ShortFormat);
    }
    return text;
}

HistoryView::HistoryView(Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setObjectName(QStringLiteral("historyTree"));
    m_tree->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Before"), tr("After")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
}

void HistoryView::showRecord(const QString &uuid, const std::function<QString(const QString &)> &fieldTitle,
    const ValueText &readable)
{
    m_tree->clear();
    if (uuid.isEmpty()) {
        new QTreeWidgetItem(m_tree, {QString(), QString(), tr("Not saved yet.")});
        return;
    }
    const QList<AuditEntry> entries = AuditLog(m_db).forRecord(uuid);
    // Newest first: the question is usually "what changed lately".
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        QString what = auditActionTitle(it->action);
        if (!it->context.isEmpty())
            what += QStringLiteral(" (%1)").arg(it->context);
        auto *entry = new QTreeWidgetItem(m_tree,
            {shortDateTime(it->at), it->actor, what});
        for (const FieldChange &change : it->changes) {
            const QString field = fieldTitle ? fieldTitle(change.field) : change.field;
            const QString before = valueText(change.field, change.before, readable);
            const QString after = valueText(change.field, change.after, readable);
            auto *row = new QTreeWidgetItem(entry, {QString(), QString(), field, before, after});
            row->setToolTip(3, before);
            row->setToolTip(4, after);
        }
        entry->setExpanded(it->action == AuditAction::Update);
    }
    if (m_tree->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_tree, {QString(), QString(), tr("No history.")});
}

} // namespace vigil
