// The start-up baseline: the smallest Qt Widgets program that shows a main window, measured
// from process start to its first paint exactly as `vigil --quit-after-startup` is.
#include "base/processclock.h"
#include "shell/firstpaint.h"

#include <QApplication>
#include <QMainWindow>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 820);
    window.show();
    vigil::whenFirstPainted(&window, [] {
        std::printf("first paint after %lld ms\n", static_cast<long long>(vigil::millisecondsSinceProcessStart()));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return app.exec();
}
