#pragma once

#include "shell/module.h"

#include <QHash>
#include <QMainWindow>

#include <memory>
#include <vector>

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolBar;
class QUndoStack;

namespace vigil {

class Database;

struct MainWindowOptions
{
    // Off for --quit-after-startup: no first-start questions and no message boxes.
    bool interactive = true;
};

// The shell: module navigation, the module area, menus, status bar and the undo stack.
// It owns the open site file for its whole life; opening another file makes a new window.
class MainWindow : public QMainWindow, public ModuleHost
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<Database> db, const MainWindowOptions &options = {},
        QWidget *parent = nullptr);
    ~MainWindow() override;

    Database &database() const;
    // Asks every module about unsaved edits; false when the user chose to stay.
    bool confirmClose();
    QUndoStack &undoStack() const;
    QString currentModuleId() const;
    QWidget *moduleWidget(const QString &moduleId) const;

    // ModuleHost
    void showModule(const QString &moduleId, const QVariant &target = {}) override;
    void showError(const QString &message) override;
    void showStatus(const QString &message) override;
    QList<const Module *> modules() const override;

    // Called when the integrity check that runs beside the window finds damage: the user is
    // told and the window closes, as if the file had been refused at open.
    void refuseDamagedFile(const QString &problem);

signals:
    void openRequested(const QString &path);
    void newRequested(const QString &path);
    // File > Restore from Backup was confirmed: the backup, checked and staged beside the file,
    // is to take the file's place (the window manager closes this window, restores and reopens).
    void restoreRequested(const QString &stagedPath);
    // The background integrity check finished (problem empty: the file is sound).
    void integrityChecked(const QString &problem);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void restoreWindowState();
    void saveWindowState();
    void updateSiteInfo();
    void updateRecentMenu();
    void askForSiteProfile();
    void chooseFileToOpen();
    void chooseNewFile();
    void backUpNow();
    void restoreFromBackup();
    void about();
    Module *module(const QString &id) const;

    std::unique_ptr<Database> m_db;
    MainWindowOptions m_options;
    QUndoStack *m_undoStack;
    std::vector<std::unique_ptr<Module>> m_modules;
    QHash<QString, QWidget *> m_pages;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QToolBar *m_moduleToolBar = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusSite = nullptr;
    QLabel *m_statusPath = nullptr;
    QList<QAction *> m_gotoActions;
    bool m_profileAsked = false;
    bool m_damaged = false;
};

} // namespace vigil
