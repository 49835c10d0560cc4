#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

namespace vigil {

class Database;
class MainWindow;

// Opens site files into windows: at start-up, from File > Open and File > New. A window owns
// one file for its whole life, so opening another file replaces the window with a new one.
class WindowManager : public QObject
{
    Q_OBJECT

public:
    struct StartOptions
    {
        QString path;
        bool isDefaultPath = false; // the default file is created without asking
        bool interactive = true; // false: no dialogs, no questions; failures throw OpenError
    };

    explicit WindowManager(QObject *parent = nullptr);

    // Shows the main window on the file; returns nullptr when the user gave up after a refusal
    // (the reason has been shown). Throws OpenError when not interactive.
    MainWindow *start(const StartOptions &options);
    MainWindow *window() const;

private:
    std::unique_ptr<Database> openOrCreate(const QString &path, bool create);
    MainWindow *showWindow(std::unique_ptr<Database> db, MainWindow *replacing);
    void openFrom(MainWindow *from, const QString &path, bool create);
    void restoreInto(MainWindow *from, const QString &stagedPath);
    void backUpToday(MainWindow *window);

    QPointer<MainWindow> m_window;
    bool m_interactive = true;
};

} // namespace vigil
