#include "sitepage.h"

#include "commands/sitecommands.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "site/siteprofileform.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/historyview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {

SitePage::SitePage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_form(new SiteProfileForm(this))
{
    setObjectName(QStringLiteral("sitePage"));
    auto *title = new QLabel(tr("Site profile"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("The site's name appears in the window title and on every report; the address "
                                "and logo on the report cover."),
        this);
    intro->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save Changes"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveSite"));
    m_save->setIcon(themedIcon(QStringLiteral("save")));
    m_save->setToolTip(tr("Save the site profile (%1)").arg(QKeySequence(QKeySequence::Save).toString(
        QKeySequence::NativeText)));
    m_discard = buttons->addButton(tr("&Discard Changes"), QDialogButtonBox::ResetRole);
    m_discard->setObjectName(QStringLiteral("discardSite"));

    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);

    auto *column = new QWidget(this);
    column->setMaximumWidth(720);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    // The profile, and its history from the audit trail.
    auto *profileTab = new QWidget(this);
    auto *profileLayout = new QVBoxLayout(profileTab);
    profileLayout->addWidget(m_form);
    profileLayout->addWidget(buttons);
    profileLayout->addStretch();
    m_history = new HistoryView(context.db, this);
    m_history->setObjectName(QStringLiteral("siteHistory"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("siteTabs"));
    tabs->addTab(profileTab, tr("&Profile"));
    tabs->addTab(m_history, tr("&History"));
    columnLayout->addWidget(title);
    columnLayout->addWidget(intro);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(tabs, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(column, 1);
    layout->addStretch(0);

    connect(m_save, &QPushButton::clicked, this, &SitePage::save);
    connect(saveAction, &QAction::triggered, this, &SitePage::save);
    connect(m_discard, &QPushButton::clicked, this, &SitePage::discard);
    connect(m_form, &SiteProfileForm::edited, this, &SitePage::updateButtons);
    connect(&context.db.notifier(), &ChangeNotifier::changed, this, [this](const QString &entity) {
        // An undo or redo changed the saved profile: show it, unless the user is mid-edit (their
        // edits stay, compared against the new saved profile).
        if (entity == QLatin1String("site_profile"))
            reload(hasUnsavedChanges());
    });
    reload();
}

bool SitePage::hasUnsavedChanges() const
{
    return m_form->profile() != m_saved;
}

bool SitePage::save()
{
    if (!hasUnsavedChanges())
        return true;
    if (!m_form->isValid())
        return false;
    if (!commands::saveSiteProfile(m_context, m_form->profile()))
        return false;
    reload();
    m_context.host.showStatus(tr("Site profile saved."));
    return true;
}

bool SitePage::confirmClose()
{
    if (!hasUnsavedChanges())
        return true;
    const auto answer = dialogs::question(this, tr("Unsaved Changes"),
        tr("The site profile has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        discard();
        return true;
    }
    return false;
}

void SitePage::discard()
{
    m_form->setProfile(m_saved);
    updateButtons();
}

void SitePage::reload(bool keepEdits)
{
    try {
        const std::optional<SiteProfile> profile = SiteRepository(m_context.db).load();
        if (profile) {
            m_saved = *profile;
        } else {
            m_saved = SiteProfile();
            m_saved.paperSize = defaultPaperSize(QLocale());
        }
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
    if (!keepEdits)
        m_form->setProfile(m_saved);
    updateButtons();
    showHistory();
}

void SitePage::showHistory()
{
    if (m_saved.uuid.isEmpty())
        return;
    const auto fieldTitle = [](const QString &field) {
        if (field == QLatin1String("name"))
            return tr("Site name");
        if (field == QLatin1String("address"))
            return tr("Address");
        if (field == QLatin1String("logo"))
            return tr("Logo");
        if (field == QLatin1String("paper_size"))
            return tr("Paper size");
        return field;
    };
    try {
        m_history->showRecord(m_saved.uuid, fieldTitle);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
}

void SitePage::updateButtons()
{
    const bool dirty = hasUnsavedChanges();
    m_save->setEnabled(dirty && m_form->isValid());
    m_discard->setEnabled(dirty);
}

} // namespace vigil
