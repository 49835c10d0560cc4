#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

// One schema step: resources/migrations/NNNN_name.sql takes a file from version NNNN-1 to NNNN.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

// The migrations built into the program, in order; numbered 1..N without gaps.
const QList<Migration> &bundledMigrations();

// The migrations in use: the bundled ones, unless a test replaced them (to exercise an upgrade
// from an older format, or a failing step) with setMigrationsForTesting; nullptr restores them.
const QList<Migration> &activeMigrations();
void setMigrationsForTesting(const QList<Migration> *migrations);

// Splits a migration script into complete statements (triggers with BEGIN ... END stay whole).
QStringList splitSqlStatements(const QString &script);

} // namespace vigil
