// Start-up: opening the file, the window's first paint, and the whole program against an empty
// Qt main window (the foundation's target: within 3x).
#include "benchmark.h"

#include "shell/firstpaint.h"
#include "shell/mainwindow.h"
#include "storage/database.h"

#include <QApplication>
#include <QEventLoop>
#include <QPointer>

namespace vigil::bench {

QList<Operation> shellOperations()
{
    return {
        {QStringLiteral("startup.empty_qt_window"),
            QStringLiteral("process start to first paint of an empty QMainWindow (the baseline)"),
            Operation::Needs::ClosedFile,
            [](Context &c) { return runAndReadMilliseconds(c.emptyWindowBinary, {}); }},
        {QStringLiteral("startup.vigil"),
            QStringLiteral("process start to first paint of vigil --database FILE"),
            Operation::Needs::ClosedFile,
            [](Context &c) {
                return runAndReadMilliseconds(c.vigilBinary,
                    {QStringLiteral("--database"), c.databasePath, QStringLiteral("--quit-after-startup")});
            }},
        {QStringLiteral("database.open"),
            QStringLiteral("open the file read-write with the full integrity check (as vigil check and exports) and close it"),
            Operation::Needs::ClosedFile,
            [](Context &c) {
                Database::open(c.databasePath);
                return -1.0;
            }},
        {QStringLiteral("window.first_paint"),
            QStringLiteral("in-process: open the file as the window does (full check deferred), build the main "
                           "window, show it until its first paint"),
            Operation::Needs::ClosedFile,
            [](Context &c) {
                MainWindowOptions options;
                options.interactive = false;
                OpenOptions open;
                open.deferIntegrityCheck = true; // as WindowManager: the check runs beside the window
                QPointer<MainWindow> window =
                    new MainWindow(Database::open(c.databasePath, OpenMode::ReadWrite, open), options);
                QEventLoop loop;
                whenFirstPainted(window, [&loop] { loop.quit(); });
                window->show();
                loop.exec();
                window->close();
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
