#include "timelineview.h"

#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/incidentrepository.h"
#include "shell/dialogs.h"
#include "widgets/displaytext.h"

#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {

TimelineView::TimelineView(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tree(new QTreeWidget(this))
    , m_note(new QPlainTextEdit(this))
{
    m_tree->setObjectName(QStringLiteral("timeline"));
    m_tree->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_note->setObjectName(QStringLiteral("noteText"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("Add a note (Ctrl+Enter)"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 12);
    auto *add = new QPushButton(tr("Add &Note"), this);
    add->setObjectName(QStringLiteral("addNote"));
    auto *correct = new QPushButton(tr("&Correct Entry…"), this);
    correct->setObjectName(QStringLiteral("correctEntry"));
    correct->setToolTip(tr("Entries are never changed; a correction is added after them"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(correct);
    buttons->addStretch();
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(noteRow);
    connect(add, &QPushButton::clicked, this, &TimelineView::addNote);
    connect(correct, &QPushButton::clicked, this, &TimelineView::correctSelected);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_note, nullptr, nullptr, Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &TimelineView::addNote);
}

void TimelineView::showIncident(qint64 id)
{
    m_id = id;
    m_tree->clear();
    QList<TimelineEntry> entries;
    try {
        entries = IncidentRepository(m_context.db).timeline(id);
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    QHash<qint64, QTreeWidgetItem *> items;
    for (const TimelineEntry &e : entries) {
        QString what;
        switch (e.kind) {
        case TimelineKind::Reported:
            what = e.text;
            break;
        case TimelineKind::Status:
            what = e.fromStatus && e.toStatus ? tr("%1 → %2").arg(incidentStatusTitle(*e.fromStatus), incidentStatusTitle(*e.toStatus))
                                              : e.text;
            if (!e.text.isEmpty() && e.fromStatus)
                what += QStringLiteral(": ") + e.text;
            break;
        case TimelineKind::Correction:
            what = tr("Correction: %1").arg(e.text);
            break;
        default:
            what = e.text;
            break;
        }
        auto *item = new QTreeWidgetItem(m_tree, {shortDateTime(e.at), e.actor, what});
        item->setData(0, Qt::UserRole, e.id);
        item->setToolTip(2, what);
        items.insert(e.id, item);
        // What was corrected stays readable, marked as corrected.
        if (e.correctsId > 0) {
            if (QTreeWidgetItem *corrected = items.value(e.correctsId)) {
                QFont font = corrected->font(2);
                font.setStrikeOut(true);
                corrected->setFont(2, font);
                corrected->setToolTip(2, tr("Corrected on %1: %2").arg(shortDateTime(e.at), e.text));
            }
        }
    }
    if (m_tree->topLevelItemCount() > 0)
        m_tree->scrollToItem(m_tree->topLevelItem(m_tree->topLevelItemCount() - 1));
}

void TimelineView::addNote()
{
    const QString text = m_note->toPlainText().trimmed();
    if (text.isEmpty() || m_id == 0)
        return;
    if (commands::addIncidentNote(m_context, m_id, text))
        m_note->clear();
}

void TimelineView::correctSelected()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || m_id == 0)
        return;
    bool ok = false;
    const QString text = dialogs::askText(this, tr("Correct Entry"),
        tr("What is the correction to \"%1\"?").arg(item->text(2)), QString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        commands::correctTimelineEntry(m_context, m_id, item->data(0, Qt::UserRole).toLongLong(), text);
}

} // namespace vigil
