#pragma once

#include <QByteArray>
#include <QLocale>
#include <QTemporaryDir>

#include <clocale>
#include <cstdlib>

namespace vigil::test {

// Every test process starts from the same place: C locale, offscreen, and its own empty
// configuration and data folders, so tests never read or write the user's settings and can
// run in parallel.
inline QTemporaryDir &prepareEnvironment()
{
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", home.path().toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("VIGIL_USER", "tester");
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
    return home;
}

} // namespace vigil::test
