#include "importcommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "import/peopleimport.h"
#include "import/recordimport.h"
#include "incidents/incidentrepository.h"
#include "risks/riskrepository.h"
#include "shell/module.h"
#include "storage/database.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

#include <functional>

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

// Records an import only adds (people, training records, actions, risks); undo takes them away
// (keeping a snapshot of each), redo puts the same records back. Duplicates are skipped, never
// updated, from here.
template<typename Snapshot>
class ImportRows final : public Command
{
public:
    using Remove = std::function<Snapshot(Database &, qint64)>;
    using Restore = std::function<void(Database &, const Snapshot &)>;

    ImportRows(const ModuleContext &context, RowImporter importer, Remove remove, Restore restore, const SourceTable &table,
        const ImportProfile &profile, const ImportOptions &options)
        : Command(context, Text::tr("Import %1").arg(table.fileName))
        , m_db(context.db)
        , m_importer(importer)
        , m_remove(std::move(remove))
        , m_restore(std::move(restore))
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
        for (const Snapshot &snapshot : std::as_const(m_removed))
            m_restore(m_db, snapshot);
        tx.commit();
        m_removed.clear();
    }
    void revert() override
    {
        Transaction tx(m_db);
        QList<Snapshot> removed;
        for (qint64 id : std::as_const(m_summary.createdIds))
            removed.append(m_remove(m_db, id));
        tx.commit();
        m_removed = removed;
    }

private:
    Database &m_db;
    RowImporter m_importer;
    Remove m_remove;
    Restore m_restore;
    SourceTable m_table;
    ImportProfile m_profile;
    ImportOptions m_options;
    ImportSummary m_summary;
    bool m_imported = false;
    QList<Snapshot> m_removed;
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
    if (kind == QLatin1String("risks")) {
        return push(context,
            std::make_unique<ImportRows<RiskSnapshot>>(
                context, &vigil::importRisks, [](Database &db, qint64 id) { return RiskRepository(db).remove(id); },
                [](Database &db, const RiskSnapshot &snapshot) { RiskRepository(db).restore(snapshot); }, table, profile, options),
            summary);
    }
    // The rest are rows of one table, put back as they were.
    const auto rows = [&](const QString &tableName, RowImporter importer) {
        const auto remove = [tableName](Database &db, qint64 id) {
            RecordStore store(db, tableName);
            const QVariantMap row = store.row(id);
            store.remove(id, Text::tr("Import undone"));
            return row;
        };
        const auto restore = [tableName](Database &db, const QVariantMap &row) {
            RecordStore(db, tableName).reinsert(row, Text::tr("Import redone"));
        };
        return push(context, std::make_unique<ImportRows<QVariantMap>>(context, importer, remove, restore, table, profile, options),
            summary);
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
