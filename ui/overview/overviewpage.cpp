#include "overviewpage.h"

#include "base/clock.h"
#include "shell/firstpaint.h"
#include "shell/icons.h"
#include "site/siteprofile.h"
#include "storage/auditlog.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/filefacts.h"
#include "widgets/displaytext.h"
#include "widgets/figuretile.h"

#include <QDir>
#include <QGridLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

constexpr int recentActivityRows = 12;
constexpr int logoPixels = 72;

QLabel *heading(const QString &text, QWidget *parent, qreal scale = 1.15)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTreeWidget *list(const QString &objectName, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return tree;
}

// The page scrolls as a whole, so each list is exactly as tall as its rows.
void fitToRows(QTreeWidget *tree)
{
    int height = 2 * tree->frameWidth();
    if (!tree->isHeaderHidden())
        height += tree->header()->sizeHint().height();
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        height += tree->visualItemRect(tree->topLevelItem(i)).height() > 0
            ? tree->visualItemRect(tree->topLevelItem(i)).height()
            : tree->sizeHintForRow(0);
    tree->setFixedHeight(height + 2);
}

QString actionText(AuditAction action)
{
    switch (action) {
    case AuditAction::Create:
        return OverviewPage::tr("created");
    case AuditAction::Update:
        return OverviewPage::tr("changed");
    case AuditAction::Delete:
        return OverviewPage::tr("deleted");
    case AuditAction::Retire:
        return OverviewPage::tr("retired");
    case AuditAction::Reinstate:
        return OverviewPage::tr("reinstated");
    }
    return {};
}

} // namespace

OverviewPage::OverviewPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("overviewContent"));
    m_content = content;

    m_logo = new QLabel(content);
    m_logo->setFixedSize(logoPixels, logoPixels);
    m_logo->setAlignment(Qt::AlignCenter);
    m_siteName = heading(QString(), content, 1.8);
    m_siteName->setObjectName(QStringLiteral("overviewSiteName"));
    m_siteName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_siteAddress = new QLabel(content);
    m_siteAddress->setObjectName(QStringLiteral("overviewSiteAddress"));
    m_siteAddress->setForegroundRole(QPalette::PlaceholderText);
    m_siteAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *siteText = new QVBoxLayout;
    siteText->setSpacing(2);
    siteText->addWidget(m_siteName);
    siteText->addWidget(m_siteAddress);
    auto *siteRow = new QHBoxLayout;
    siteRow->setSpacing(16);
    siteRow->addWidget(m_logo, 0, Qt::AlignTop);
    siteRow->addLayout(siteText, 1);
    siteRow->setAlignment(siteText, Qt::AlignVCenter);

    m_attention = list(QStringLiteral("attentionList"), content);
    m_attention->setHeaderHidden(true);
    m_attention->setColumnCount(1);
    connect(m_attention, &QTreeWidget::itemActivated, this, &OverviewPage::activateAttention);

    m_figuresBox = new QWidget(content);
    m_figuresBox->setObjectName(QStringLiteral("overviewFigures"));
    m_figures = new QGridLayout(m_figuresBox);
    m_figures->setContentsMargins(0, 0, 0, 0);
    m_figures->setHorizontalSpacing(24);
    m_figures->setVerticalSpacing(8);

    m_activity = list(QStringLiteral("recentActivity"), content);
    m_activity->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_activity->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_activity->header()->setStretchLastSection(true);

    m_fileFacts = new QLabel(content);
    m_fileFacts->setObjectName(QStringLiteral("overviewFileFacts"));
    m_fileFacts->setForegroundRole(QPalette::PlaceholderText);
    m_fileFacts->setWordWrap(true);
    m_fileFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addLayout(siteRow);
    layout->addSpacing(10);
    layout->addWidget(heading(tr("Needs attention today"), content));
    layout->addWidget(m_attention);
    layout->addSpacing(10);
    layout->addWidget(m_figuresBox);
    layout->addWidget(heading(tr("Recent activity"), content));
    layout->addWidget(m_activity);
    layout->addStretch();
    layout->addWidget(m_fileFacts);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(&context.db.notifier(), &ChangeNotifier::changed, this, &OverviewPage::scheduleRefresh);
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_stale)
        return;
    if (m_painted) {
        refresh();
        return;
    }
    // The first time, usually as the window opens: the site, what needs attention and the
    // figures are painted first; the recent activity (the newest 400 audit entries, described)
    // and the file line (a count of every audit entry) fill in just after. On a decade file
    // they take ~15 ms, which the window's first paint no longer waits for.
    m_stale = false;
    try {
        refreshSite();
        refreshAttention();
        refreshFigures();
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    if (m_waitingForPaint)
        return;
    m_waitingForPaint = true;
    whenFirstPainted(m_content, [this] {
        m_painted = true;
        try {
            refreshActivity();
            refreshFileFacts();
        } catch (const Error &e) {
            m_context.host.showStatus(e.message());
        }
    });
}

void OverviewPage::scheduleRefresh()
{
    m_stale = true;
    if (!isVisible() || m_refreshPending)
        return;
    // Many changes in one burst (an import, an undo of several edits) give one refresh.
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        if (isVisible())
            refresh();
    });
}

void OverviewPage::refresh()
{
    m_stale = false;
    try {
        refreshSite();
        refreshAttention();
        refreshFigures();
        refreshActivity();
        refreshFileFacts();
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
}

void OverviewPage::refreshSite()
{
    const std::optional<SiteProfile> profile = SiteRepository(m_context.db).load();
    m_siteName->setText(profile ? profile->name : tr("Unnamed site"));
    m_siteAddress->setText(profile ? QString(profile->address).replace(u'\n', QStringLiteral(", ")) : QString());
    const QImage logo = profile ? QImage::fromData(profile->logoPng) : QImage();
    if (logo.isNull()) {
        m_logo->setPixmap(themedIcon(QStringLiteral("site")).pixmap(logoPixels * 2 / 3));
    } else {
        const qreal dpr = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(
            logo.scaled(QSize(logoPixels, logoPixels) * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(dpr);
        m_logo->setPixmap(pixmap);
    }
}

void OverviewPage::refreshAttention()
{
    m_attention->clear();
    const QDate today = Clock::current().today();
    for (const Module *module : m_context.host.modules()) {
        for (const AttentionItem &item : module->attentionItems(today)) {
            auto *row = new QTreeWidgetItem(m_attention, {item.text});
            row->setIcon(0, themedIcon(QStringLiteral("attention")));
            row->setData(0, Qt::UserRole, item.moduleId);
            row->setData(0, Qt::UserRole + 1, item.target);
            row->setToolTip(0, tr("Open with Enter or a double click"));
        }
    }
    if (m_attention->topLevelItemCount() == 0) {
        auto *row = new QTreeWidgetItem(m_attention, {tr("Nothing needs attention today.")});
        row->setIcon(0, themedIcon(QStringLiteral("check-circle")));
        row->setFlags(Qt::ItemIsEnabled);
    }
    fitToRows(m_attention);
}

void OverviewPage::refreshFigures()
{
    while (QLayoutItem *item = m_figures->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int column = 0;
    constexpr int perRow = 5;
    for (const Module *module : m_context.host.modules()) {
        int index = 0;
        for (const OverviewFigure &figure : module->overviewFigures()) {
            auto *tile = new FigureTile(m_figuresBox);
            tile->setObjectName(QStringLiteral("figure_%1_%2").arg(module->id()).arg(index++));
            tile->setValue(figure.value);
            tile->setLabel(figure.label);
            tile->setDetail(figure.detail);
            tile->setToolTip(tr("Open %1").arg(module->title()));
            const QString moduleId = figure.moduleId.isEmpty() ? module->id() : figure.moduleId;
            const QVariant target = figure.target;
            connect(tile, &FigureTile::clicked, this,
                [this, moduleId, target] { m_context.host.showModule(moduleId, target); });
            m_figures->addWidget(tile, column / perRow, column % perRow);
            ++column;
        }
    }
    for (int c = 0; c < perRow; ++c)
        m_figures->setColumnStretch(c, 1);
    m_figuresBox->setVisible(column > 0);
}

void OverviewPage::refreshActivity()
{
    m_activity->clear();
    const QList<AuditEntry> entries = AuditLog(m_context.db).recent(400);
    // Entries made together (an import, the built-in catalogues, a criteria change) show as one
    // line: same person, same kind of record and change, within the same minute.
    auto sameBatch = [](const AuditEntry &a, const AuditEntry &b) {
        return a.actor == b.actor && a.entity == b.entity && a.action == b.action && a.context == b.context
            && qAbs(a.at.secsTo(b.at)) < 60 && a.recordUuid != b.recordUuid;
    };
    int shown = 0;
    for (qsizetype i = 0; i < entries.size() && shown < recentActivityRows; ++shown) {
        qsizetype j = i + 1;
        while (j < entries.size() && sameBatch(entries.at(i), entries.at(j)))
            ++j;
        const AuditEntry &entry = entries.at(i);
        new QTreeWidgetItem(m_activity, {shortDateTime(entry.at), entry.actor, j - i > 1 ? describeBatch(entry, int(j - i)) : describe(entry)});
        i = j;
    }
    if (m_activity->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_activity, {QString(), QString(), tr("No changes yet.")});
    fitToRows(m_activity);
}

QString OverviewPage::describe(const AuditEntry &entry) const
{
    QString label;
    QStringList fields;
    for (const Module *module : m_context.host.modules()) {
        if (label.isEmpty() && entry.action != AuditAction::Delete) {
            try {
                label = module->recordLabel(entry.entity, entry.recordUuid);
            } catch (const Error &) {
            }
        }
    }
    for (const FieldChange &change : entry.changes) {
        QString title;
        for (const Module *module : m_context.host.modules()) {
            if (title.isEmpty())
                title = module->fieldTitle(entry.entity, change.field);
        }
        fields.append(title.isEmpty() ? change.field : title.toLower());
    }
    const QString record = label.isEmpty() ? entityTitle(entry.entity) : tr("%1 %2").arg(entityTitle(entry.entity), label);
    QString text = entry.action == AuditAction::Update && !fields.isEmpty()
        ? tr("%1: %2 changed").arg(record, fields.join(QStringLiteral(", ")))
        : tr("%1 %2").arg(record, actionText(entry.action));
    if (!entry.context.isEmpty())
        text += QStringLiteral(" (%1)").arg(entry.context);
    return text;
}

QString OverviewPage::describeBatch(const AuditEntry &first, int count) const
{
    QString text = tr("%1 × %2 %3").arg(count).arg(entityTitle(first.entity), actionText(first.action));
    if (!first.context.isEmpty())
        text += QStringLiteral(" (%1)").arg(first.context);
    return text;
}

void OverviewPage::refreshFileFacts()
{
    const FileFacts facts = readFileFacts(m_context.db);
    const QLocale locale;
    m_fileFacts->setText(tr("File: %1 · %2 · file format %3 · created %4 · %n audit entries", nullptr,
        int(facts.auditEntries))
                             .arg(QDir::toNativeSeparators(facts.path), locale.formattedDataSize(facts.bytes))
                             .arg(facts.format)
                             .arg(locale.toString(facts.createdAt.toLocalTime().date(), QLocale::ShortFormat)));
}

void OverviewPage::activateAttention(QTreeWidgetItem *item)
{
    const QString moduleId = item->data(0, Qt::UserRole).toString();
    if (!moduleId.isEmpty())
        m_context.host.showModule(moduleId, item->data(0, Qt::UserRole + 1));
}

QString OverviewPage::entityTitle(const QString &entity) const
{
    for (const Module *module : m_context.host.modules()) {
        const QString title = module->entityTitle(entity);
        if (!title.isEmpty())
            return title;
    }
    return entity;
}

} // namespace vigil
