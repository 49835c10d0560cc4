#include "migrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sqlite3.h>

namespace vigil {

const QList<Migration> &bundledMigrations()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
        const QDir dir(QStringLiteral(":/migrations"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &fileName : files) {
            const QRegularExpressionMatch match = pattern.match(fileName);
            if (!match.hasMatch())
                qFatal("migration file with a malformed name: %s", qPrintable(fileName));
            QFile file(dir.filePath(fileName));
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read migration %s", qPrintable(fileName));
            const int version = match.captured(1).toInt();
            list.append({version, match.captured(2), QString::fromUtf8(file.readAll()), migrationSeed(version)});
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).version != i + 1)
                qFatal("migrations must be numbered 1..N without gaps; found %d at position %d",
                    list.at(i).version, int(i + 1));
        }
        return list;
    }();
    return migrations;
}

namespace {
const QList<Migration> *g_testMigrations = nullptr;
}

const QList<Migration> &activeMigrations()
{
    return g_testMigrations ? *g_testMigrations : bundledMigrations();
}

void setMigrationsForTesting(const QList<Migration> *migrations)
{
    g_testMigrations = migrations;
}

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        if (current.isEmpty() && (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1String("--"))))
            continue;
        current += line;
        current += u'\n';
        if (sqlite3_complete(current.toUtf8().constData())) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace vigil
