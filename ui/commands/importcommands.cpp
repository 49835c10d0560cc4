#include "importcommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "import/peopleimport.h"
#include "import/recordimport.h"
#include "incidents/incidentrepository.h"
#include "shell/module.h"
#include "storage/database.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Import)
};

class ImportIncidents final : public Command
{
public:
    ImportIncidents(const ModuleContext &context, const SourceTable &table, const ImportProfile &profile,
        const ImportOptions &options)
        : Command(context, Text::tr("Import %1").arg(table.fileName))
        , m_db(context.db)
        , m_table(table)
        , m_profile(profile)
        , m_options(options)
    {
    }

    const ImportSummary &summary() const { return m_summary; }

protected:
    void apply() override
    {
        if (!m_imported) {
            m_summary = vigil::importIncidents(m_db, m_table, m_profile, m_options);
            if (!m_summary.written)
                throw Error(Text::tr("Nothing was imported from %1.").arg(m_table.fileName));
            m_imported = true;
            m_table = {}; // the records are in the file now
            return;
        }
        Transaction tx(m_db);
        IncidentRepository incidents(m_db);
        for (const IncidentSnapshot &snapshot : std::as_const(m_removed))
            incidents.restore(snapshot);
        for (const auto &[before, after] : std::as_const(m_summary.updates))
            incidents.save(after);
        tx.commit();
        m_removed.clear();
    }
    void revert() override
    {
        Transaction tx(m_db);
        IncidentRepository incidents(m_db);
        QList<IncidentSnapshot> removed;
        for (auto id = m_summary.createdIds.crbegin(); id != m_summary.createdIds.crend(); ++id)
            removed.prepend(incidents.remove(*id));
        for (const auto &[before, after] : std::as_const(m_summary.updates))
            incidents.save(before);
        tx.commit();
        m_removed = removed;
    }

private:
    Database &m_db;
    SourceTable m_table;
    ImportProfile m_profile;
    ImportOptions m_options;
    ImportSummary m_summary;
    bool m_imported = false;
    QList<IncidentSnapshot> m_removed;
};

using RowImporter = ImportSummary (*)(Database &, const SourceTable &, const ImportProfile &, const ImportOptions &);

// Records an import only adds (people, training records, actions) in one table; undo takes
// them away, redo puts the same rows back. Duplicates are skipped, never updated, from here.
class ImportRows final : public Command
{
public:
    ImportRows(const ModuleContext &context, const QString &tableName, RowImporter importer, const SourceTable &table,
        const ImportProfile &profile, const ImportOptions &options)
        : Command(context, Text::tr("Import %1").arg(table.fileName))
        , m_db(context.db)
        , m_tableName(tableName)
        , m_importer(importer)
        , m_table(table)
        , m_profile(profile)
        , m_options(options)
    {
        m_profile.updateDuplicates = false;
    }

    const ImportSummary &summary() const { return m_summary; }

protected:
    void apply() override
    {
        if (!m_imported) {
            m_summary = m_importer(m_db, m_table, m_profile, m_options);
            if (!m_summary.written)
                throw Error(Text::tr("Nothing was imported from %1.").arg(m_table.fileName));
            m_imported = true;
            m_table = {};
            return;
        }
        Transaction tx(m_db);
        RecordStore store(m_db, m_tableName);
        for (const QVariantMap &row : std::as_const(m_removed))
            store.reinsert(row, Text::tr("Import redone"));
        tx.commit();
        m_removed.clear();
    }
    void revert() override
    {
        Transaction tx(m_db);
        RecordStore store(m_db, m_tableName);
        QList<QVariantMap> removed;
        for (qint64 id : std::as_const(m_summary.createdIds)) {
            removed.append(store.row(id));
            store.remove(id, Text::tr("Import undone"));
        }
        tx.commit();
        m_removed = removed;
    }

private:
    Database &m_db;
    QString m_tableName;
    RowImporter m_importer;
    SourceTable m_table;
    ImportProfile m_profile;
    ImportOptions m_options;
    ImportSummary m_summary;
    bool m_imported = false;
    QList<QVariantMap> m_removed;
};

template<typename C>
bool push(const ModuleContext &context, std::unique_ptr<C> command, ImportSummary *summary)
{
    C *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return false;
    *summary = raw->summary();
    return true;
}

} // namespace

bool importRecords(const ModuleContext &context, const QString &kind, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options, ImportSummary *summary)
{
    if (kind == QLatin1String("incidents"))
        return push(context, std::make_unique<ImportIncidents>(context, table, profile, options), summary);
    const auto rows = [&](const QString &tableName, RowImporter importer) {
        return push(context, std::make_unique<ImportRows>(context, tableName, importer, table, profile, options), summary);
    };
    if (kind == QLatin1String("people"))
        return rows(QStringLiteral("people"), &vigil::importPeople);
    if (kind == QLatin1String("training"))
        return rows(QStringLiteral("training_records"), &vigil::importTraining);
    return rows(QStringLiteral("corrective_actions"), &vigil::importActions);
}

bool importIncidents(const ModuleContext &context, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options, ImportSummary *summary)
{
    return push(context, std::make_unique<ImportIncidents>(context, table, profile, options), summary);
}

} // namespace vigil::commands
