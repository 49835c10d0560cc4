#include "historyview.h"

#include "storage/auditlog.h"
#include "storage/database.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

QString actionTitle(AuditAction action)
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

QString valueText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return HistoryView::tr("(empty)");
    const QString text = value.toString();
    return text.isEmpty() ? HistoryView::tr("(empty)") : text;
}

} // namespace

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

void HistoryView::showRecord(const QString &uuid, const std::function<QString(const QString &)> &fieldTitle)
{
    m_tree->clear();
    if (uuid.isEmpty()) {
        new QTreeWidgetItem(m_tree, {QString(), QString(), tr("Not saved yet.")});
        return;
    }
    const QLocale locale;
    const QList<AuditEntry> entries = AuditLog(m_db).forRecord(uuid);
    // Newest first: the question is usually "what changed lately".
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        QString what = actionTitle(it->action);
        if (!it->context.isEmpty())
            what += QStringLiteral(" (%1)").arg(it->context);
        auto *entry = new QTreeWidgetItem(m_tree,
            {locale.toString(it->at.toLocalTime(), QLocale::ShortFormat), it->actor, what});
        for (const FieldChange &change : it->changes) {
            const QString field = fieldTitle ? fieldTitle(change.field) : change.field;
            auto *row = new QTreeWidgetItem(entry, {QString(), QString(), field, valueText(change.before), valueText(change.after)});
            row->setToolTip(3, valueText(change.before));
            row->setToolTip(4, valueText(change.after));
        }
        entry->setExpanded(it->action == AuditAction::Update);
    }
    if (m_tree->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_tree, {QString(), QString(), tr("No history.")});
}

} // namespace vigil
