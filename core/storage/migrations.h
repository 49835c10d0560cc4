#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace vigil {

class Database;

// One schema step: resources/migrations/NNNN_name.sql takes a file from version NNNN-1 to NNNN.
// Its seed (optional) runs after the SQL, in the same transaction, to add built-in content
// (default risk criteria, catalogues) through the repositories, so it enters the audit trail.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
    std::function<void(Database &)> seed;
};

// The seed step of a migration version, or an empty function (see core/schema/seeds.cpp).
std::function<void(Database &)> migrationSeed(int version);

// The migrations built into the program, in order; numbered 1..N without gaps.
const QList<Migration> &bundledMigrations();

// The migrations in use: the bundled ones, unless a test replaced them (to exercise an upgrade
// from an older format, or a failing step) with setMigrationsForTesting; nullptr restores them.
const QList<Migration> &activeMigrations();
void setMigrationsForTesting(const QList<Migration> *migrations);

// Splits a migration script into complete statements (triggers with BEGIN ... END stay whole).
QStringList splitSqlStatements(const QString &script);

} // namespace vigil
