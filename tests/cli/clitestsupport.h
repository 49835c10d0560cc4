#pragma once

// Running the real vigil binary from the command-line tests.
#include "support/testsupport.h"
#include "testconfig.h"

#include <QProcess>
#include <QStringList>

#include <catch2/catch.hpp>

namespace vigil::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

inline Run vigilRun(const QStringList &args, const QStringList &unsetVariables = {}, const QString &program = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : unsetVariables)
        env.remove(name);
    process.setProcessEnvironment(env);
    if (program.isEmpty()) {
        process.start(QStringLiteral(VIGIL_BINARY), args);
    } else {
        process.start(program, args);
    }
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(120000));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    UNSCOPED_INFO("vigil " << args.join(u' ').toStdString() << "\n-> exit " << run.exitCode << "\nstdout: "
                           << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
    return run;
}

// A failing command says why in exactly one line on stderr.
inline void requireOneLineFailure(const Run &run, int code)
{
    CHECK(run.exitCode == code);
    REQUIRE(run.errLines().size() == 1);
    CHECK(run.errLines().at(0).startsWith(QStringLiteral("vigil")));
}

inline QString makeDemo(const TempDir &dir, const QString &name = QStringLiteral("demo.vigil"))
{
    const QString path = dir.path(name);
    const Run run = vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), path,
        QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(run.exitCode == 0);
    return path;
}

} // namespace vigil::test
