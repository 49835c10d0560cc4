#include "mainwindow.h"

#include "backup/backupdialog.h"
#include "backup/backupsettings.h"
#include "backup/restoredialog.h"
#include "audit/audittraildialog.h"
#include "audit/verifydialog.h"
#include "import/importwizard.h"
#include "modules.h"
#include "report/reportdialog.h"
#include "shell/aboutdialog.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "shell/settings.h"
#include "site/siteprofile.h"
#include "site/siteprofiledialog.h"
#include "commands/sitecommands.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace vigil {
namespace {

const QString fileFilter()
{
    return MainWindow::tr("Vigil site files (*.vigil);;All files (*)");
}

} // namespace

namespace {

// How long saving must pause before the journal is folded into the file.
constexpr int idleCheckpointMs = 2000;

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> db, const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_options(options)
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(applicationIcon());
    setMinimumSize(800, 560);

    m_modules = createModules(ModuleContext {*m_db, *m_undoStack, *this});
    createActions();
    createMenus();
    createCentralArea();

    m_statusSite = new QLabel(this);
    m_statusSite->setObjectName(QStringLiteral("statusSite"));
    m_statusPath = new QLabel(this);
    m_statusPath->setObjectName(QStringLiteral("statusPath"));
    m_statusPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_statusSite);
    statusBar()->addPermanentWidget(m_statusPath);

    // Once saving pauses, the journal goes into the file itself, so that a copy of the file made
    // while the window is open (a cp, a file manager, a sync tool) is a complete copy.
    auto *checkpoint = new QTimer(this);
    checkpoint->setObjectName(QStringLiteral("checkpointTimer"));
    checkpoint->setSingleShot(true);
    checkpoint->setInterval(idleCheckpointMs);
    // A reader (the KPI loader, an export) can hold part of the journal back: try again later.
    connect(checkpoint, &QTimer::timeout, this, [this, checkpoint] {
        if (!m_db->checkpoint() && !m_db->isReadOnly())
            checkpoint->start();
    });
    connect(&m_db->notifier(), &ChangeNotifier::changed, this, [this, checkpoint](const QString &entity) {
        checkpoint->start();
        if (entity == QLatin1String("site_profile"))
            updateSiteInfo();
    });
    updateSiteInfo();
    restoreWindowState();
    if (!m_db->preMigrationCopy().isEmpty()) {
        // Said once, in a message that stays until read: the user may want that copy one day.
        QTimer::singleShot(0, this, [this] {
            dialogs::information(this, tr("File Upgraded"),
                tr("This site file was upgraded to file format %1 for this version of Vigil. The file as it "
                   "was before is kept at %2.")
                    .arg(m_db->schemaVersion())
                    .arg(QDir::toNativeSeparators(m_db->preMigrationCopy())));
        });
    }
}

MainWindow::~MainWindow()
{
    // Pages and commands refer to the database: they go first.
    m_undoStack->clear();
    qDeleteAll(m_pages);
    m_pages.clear();
    m_modules.clear();
}

Database &MainWindow::database() const
{
    return *m_db;
}

QUndoStack &MainWindow::undoStack() const
{
    return *m_undoStack;
}

void MainWindow::createActions()
{
    auto *gotoGroup = new QActionGroup(this);
    int index = 0;
    for (const auto &module : m_modules) {
        auto *action = new QAction(module->icon(), module->title(), this);
        action->setObjectName(QStringLiteral("goto_%1").arg(module->id()));
        action->setCheckable(true);
        action->setActionGroup(gotoGroup);
        if (index < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        const QString id = module->id();
        connect(action, &QAction::triggered, this, [this, id] { showModule(id); });
        m_gotoActions.append(action);
        ++index;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newFile = file->addAction(themedIcon(QStringLiteral("file-new")), tr("&New Site File…"), this,
        &MainWindow::chooseNewFile);
    newFile->setObjectName(QStringLiteral("actionNewFile"));
    newFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *open = file->addAction(themedIcon(QStringLiteral("file-open")), tr("&Open…"), this,
        &MainWindow::chooseFileToOpen);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addSeparator();
    QAction *report = file->addAction(tr("Management Review &Report…"), this, [this] {
        openDialog(new ReportDialog(ModuleContext {*m_db, *m_undoStack, *this}, this));
    });
    report->setObjectName(QStringLiteral("actionReport"));
    report->setShortcut(QKeySequence::Print);
    QAction *importAction = file->addAction(tr("&Import…"), this, [this] {
        openDialog(new ImportWizard(ModuleContext {*m_db, *m_undoStack, *this}, this));
    });
    importAction->setObjectName(QStringLiteral("actionImport"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    file->addSeparator();
    QAction *backUp = file->addAction(tr("&Back Up Now…"), this, &MainWindow::backUpNow);
    backUp->setObjectName(QStringLiteral("actionBackupNow"));
    backUp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction *restore = file->addAction(tr("Res&tore from Backup…"), this, &MainWindow::restoreFromBackup);
    restore->setObjectName(QStringLiteral("actionRestore"));
    QAction *backupSettings = file->addAction(tr("Backup &Settings…"), this,
        [this] { openDialog(new BackupSettingsDialog(m_db->path(), this)); });
    backupSettings->setObjectName(QStringLiteral("actionBackupSettings"));
    file->addSeparator();
    QAction *quit = file->addAction(themedIcon(QStringLiteral("quit")), tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setIcon(themedIcon(QStringLiteral("undo")));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setIcon(themedIcon(QStringLiteral("redo")));
    // The platform's redo keys plus both common ones, each once (a key bound twice to the same
    // action is ambiguous and does nothing).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_gotoActions);
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"), this,
        [this](bool on) { setWindowState(on ? windowState() | Qt::WindowFullScreen
                                            : windowState() & ~Qt::WindowFullScreen); });
    fullScreen->setObjectName(QStringLiteral("actionFullScreen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    view->addSeparator();
    QAction *auditTrail = view->addAction(tr("&Audit Trail"), this, [this] {
        // One viewer per window, beside it: the user goes on working and sees new entries come in.
        auto *dialog = findChild<AuditTrailDialog *>();
        if (!dialog) {
            dialog = new AuditTrailDialog(ModuleContext {*m_db, *m_undoStack, *this}, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    auditTrail->setObjectName(QStringLiteral("actionAuditTrail"));
    auditTrail->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *verify = help->addAction(tr("&Verify Records…"), this, [this] {
        auto *dialog = new VerifyRecordsDialog(m_db->path(), this);
        openDialog(dialog);
        dialog->start();
    });
    verify->setObjectName(QStringLiteral("actionVerifyRecords"));
    help->addSeparator();
    QAction *about = help->addAction(themedIcon(QStringLiteral("about")), tr("&About Vigil"), this,
        &MainWindow::about);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createCentralArea()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setBackgroundRole(QPalette::Window);
    int widest = 0;
    for (qsizetype i = 0; i < qsizetype(m_modules.size()); ++i) {
        const Module &module = *m_modules.at(size_t(i));
        auto *item = new QListWidgetItem(module.icon(), module.title(), m_navigation);
        item->setData(Qt::UserRole, module.id());
        item->setSizeHint(QSize(0, 36));
        if (i < 9)
            item->setToolTip(tr("%1 (%2)").arg(module.title(),
                QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)).toString(QKeySequence::NativeText)));
        widest = qMax(widest, m_navigation->fontMetrics().horizontalAdvance(module.title()));
    }
    m_navigation->setFixedWidth(qMax(160, widest + 22 + 48));
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showModule(m_navigation->item(row)->data(Qt::UserRole).toString());
    });

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("moduleStack"));

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_moduleToolBar = addToolBar(tr("Module"));
    m_moduleToolBar->setObjectName(QStringLiteral("moduleToolBar"));
    m_moduleToolBar->setMovable(false);
    m_moduleToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moduleToolBar->hide();
}

Module *MainWindow::module(const QString &id) const
{
    for (const auto &module : m_modules) {
        if (module->id() == id)
            return module.get();
    }
    return nullptr;
}

QList<const Module *> MainWindow::modules() const
{
    QList<const Module *> list;
    for (const auto &module : m_modules)
        list.append(module.get());
    return list;
}

QString MainWindow::currentModuleId() const
{
    return m_pages.key(m_stack->currentWidget());
}

QWidget *MainWindow::moduleWidget(const QString &moduleId) const
{
    return m_pages.value(moduleId);
}

void MainWindow::showModule(const QString &moduleId, const QVariant &target)
{
    Module *target_module = module(moduleId);
    if (!target_module)
        return;
    QWidget *page = m_pages.value(moduleId);
    if (!page) {
        page = target_module->createWidget(m_stack);
        m_pages.insert(moduleId, page);
        m_stack->addWidget(page);
    }
    m_stack->setCurrentWidget(page);

    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(Qt::UserRole).toString() == moduleId) {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(row);
            m_gotoActions.at(row)->setChecked(true);
        }
    }
    m_moduleToolBar->clear();
    const QList<QAction *> actions = target_module->actions();
    m_moduleToolBar->addActions(actions);
    m_moduleToolBar->setVisible(!actions.isEmpty());
    if (target.isValid())
        target_module->showTarget(target);
}

void MainWindow::showError(const QString &message)
{
    dialogs::warning(this, tr("Vigil"), message);
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::restoreWindowState()
{
    Settings &settings = Settings::instance();
    if (!restoreGeometry(settings.value(Settings::Key::WindowGeometry).toByteArray())) {
        // First start: a comfortable size that still fits a 1366x768 laptop.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(QSize(1280, 820).boundedTo(available.size() * 0.92));
        move(available.center() - rect().center());
    }
    restoreState(settings.value(Settings::Key::WindowState).toByteArray());
    for (const auto &module : m_modules)
        module->restoreState(settings.moduleState(module->id()));
    QString last = settings.value(Settings::Key::LastModule).toString();
    if (!module(last))
        last = m_modules.front()->id();
    showModule(last);
}

void MainWindow::saveWindowState()
{
    Settings &settings = Settings::instance();
    settings.setValue(Settings::Key::WindowGeometry, saveGeometry());
    settings.setValue(Settings::Key::WindowState, saveState());
    settings.setValue(Settings::Key::LastModule, currentModuleId());
    for (const auto &module : m_modules)
        settings.setModuleState(module->id(), module->saveState());
    settings.sync();
}

void MainWindow::refuseDamagedFile(const QString &problem)
{
    m_damaged = true;
    if (m_options.interactive)
        dialogs::critical(this, tr("Damaged Site File"), problem);
    close();
}

bool MainWindow::confirmClose()
{
    if (m_damaged)
        return true;
    for (const auto &module : m_modules) {
        if (!module->confirmClose()) {
            showModule(module->id());
            return false;
        }
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_profileAsked && m_options.interactive && !m_damaged) {
        m_profileAsked = true;
        QTimer::singleShot(0, this, &MainWindow::askForSiteProfile);
    }
}

void MainWindow::updateSiteInfo()
{
    QString site;
    try {
        if (const std::optional<SiteProfile> profile = SiteRepository(*m_db).load())
            site = profile->name;
    } catch (const Error &e) {
        showStatus(e.message());
    }
    const QString fileName = QFileInfo(m_db->path()).fileName();
    setWindowTitle(site.isEmpty() ? tr("%1 – Vigil").arg(fileName) : tr("%1 – Vigil").arg(site));
    m_statusSite->setText(site.isEmpty() ? tr("No site profile") : site);
    m_statusPath->setText(QDir::toNativeSeparators(m_db->path()));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::instance().recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        action->setEnabled(path != m_db->path());
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"), this, [] { Settings::instance().clearRecentFiles(); });
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::askForSiteProfile()
{
    try {
        if (SiteRepository(*m_db).load())
            return;
    } catch (const Error &e) {
        showError(e.message());
        return;
    }
    // The dialog stays open until the profile is saved, so a failed save loses nothing typed.
    auto *dialog = new SiteProfileDialog(
        [this](const SiteProfile &profile) {
            return commands::saveSiteProfile(ModuleContext {*m_db, *m_undoStack, *this}, profile);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::chooseFileToOpen()
{
    const QString path = dialogs::openFileName(this, tr("Open Site File"),
        QFileInfo(m_db->path()).absolutePath(), fileFilter());
    if (!path.isEmpty())
        emit openRequested(path);
}

void MainWindow::chooseNewFile()
{
    QString path = dialogs::saveFileName(this, tr("New Site File"), QFileInfo(m_db->path()).absolutePath(),
        fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".vigil");
    emit newRequested(path);
}

void MainWindow::backUpNow()
{
    auto *dialog = new BackupDialog(m_db->path(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        showStatus(tr("Backed up to %1 and checked.").arg(QDir::toNativeSeparators(dialog->writtenPath())));
    });
    openDialog(dialog);
}

void MainWindow::restoreFromBackup()
{
    const QString backup = dialogs::openFileName(this, tr("Restore from Backup"),
        backupFolder(m_db->path(), backupPolicy().folder), tr("Vigil backups (*.vigil *.vigil-backup);;All files (*)"));
    if (backup.isEmpty())
        return;
    auto *dialog = new RestoreDialog(m_db->path(), backup, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<StagedRestore> staged = dialog->takeStaged())
            emit restoreRequested(staged->stagedPath);
    });
    openDialog(dialog);
}

void MainWindow::about()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace vigil
