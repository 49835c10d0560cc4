#pragma once

#include "base/error.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace vigil {

// A catalogue is a list of named records that other records point to (people, threats,
// controls, assets, ...): kept forever, switched inactive instead of deleted once in use.
// Each record type T has members id, uuid, name and active, and specialises:
//
//   template<> struct CatalogueTraits<T> {
//       static QString table();
//       static QStringList columns();            // stored columns besides id, uuid, name, active
//       static QVariantMap fields(const T &);     // values for columns()
//       static void read(T &, const Query &, int first); // columns() in order from column `first`
//       static QString problem(const T &);        // empty when the record can be saved
//   };
template<typename T>
struct CatalogueTraits;

template<typename T>
class Catalogue
{
    using Traits = CatalogueTraits<T>;

public:
    explicit Catalogue(Database &db)
        : m_db(db)
    {
    }

    // Ordered by name; inactive records only when asked.
    QList<T> list(bool includeInactive = false) const
    {
        return select(includeInactive ? QString() : QStringLiteral("WHERE active = 1"), {},
            QStringLiteral("ORDER BY name COLLATE NOCASE, id"));
    }

    std::optional<T> load(qint64 id) const
    {
        const QList<T> found = select(QStringLiteral("WHERE id = ?"), {id}, {});
        return found.isEmpty() ? std::nullopt : std::optional<T>(found.first());
    }

    std::optional<T> findByName(const QString &name) const
    {
        const QList<T> found = select(QStringLiteral("WHERE name = ? COLLATE NOCASE"), {name.trimmed()},
            QStringLiteral("ORDER BY active DESC, id LIMIT 1"));
        return found.isEmpty() ? std::nullopt : std::optional<T>(found.first());
    }

    // Saves a new record (id 0) or changes an existing one, in one transaction with its audit
    // entry. Returns the record's id. Throws Error when the record is not valid.
    qint64 save(const T &input, const QString &context = {})
    {
        T item = input;
        // A catalogue whose entries follow a rule between fields (a person's leaving date and
        // their being active) settles them here, for every writer, knowing the entry as stored.
        if constexpr (requires(T &entry, const T *stored) { Traits::settle(entry, stored); }) {
            const std::optional<T> stored = item.id > 0 ? load(item.id) : std::nullopt;
            Traits::settle(item, stored ? &*stored : nullptr);
        }
        const QString problem = Traits::problem(item);
        if (!problem.isEmpty())
            throw Error(problem);
        QVariantMap fields = Traits::fields(item);
        fields.insert(QStringLiteral("name"), item.name.trimmed());
        fields.insert(QStringLiteral("active"), item.active);
        Transaction tx(m_db);
        RecordStore store(m_db, Traits::table());
        qint64 id = item.id;
        if (id == 0) {
            if (!item.uuid.isEmpty())
                fields.insert(QStringLiteral("uuid"), item.uuid);
            id = store.insert(fields, context).id;
        } else {
            store.update(id, fields, AuditAction::Update, context);
        }
        tx.commit();
        return id;
    }

    // Inactive records stay where they are used but are no longer offered for new ones.
    void setActive(qint64 id, bool active)
    {
        Transaction tx(m_db);
        RecordStore(m_db, Traits::table())
            .update(id, {{QStringLiteral("active"), active}}, active ? AuditAction::Reinstate : AuditAction::Retire);
        tx.commit();
    }

    // A real delete, for an entry made by mistake (undo of its creation). Refused by the file
    // while anything still points to it.
    void remove(qint64 id)
    {
        Transaction tx(m_db);
        RecordStore(m_db, Traits::table()).remove(id);
        tx.commit();
    }

    qint64 count(bool includeInactive = false) const
    {
        return scalar(m_db, QStringLiteral("SELECT count(*) FROM %1 %2")
                                .arg(Traits::table(), includeInactive ? QString() : QStringLiteral("WHERE active = 1")))
            .toLongLong();
    }

private:
    QList<T> select(const QString &where, const QVariantList &args, const QString &tail) const
    {
        const QStringList columns = Traits::columns();
        Query q(m_db, QStringLiteral("SELECT id, uuid, name, active%1%2 FROM %3 %4 %5")
                          .arg(columns.isEmpty() ? QString() : QStringLiteral(", "), columns.join(QStringLiteral(", ")),
                              Traits::table(), where, tail));
        for (const QVariant &arg : args)
            q.bind(arg);
        q.exec();
        QList<T> items;
        while (q.next()) {
            T item;
            item.id = q.value(0).toLongLong();
            item.uuid = q.value(1).toString();
            item.name = q.value(2).toString();
            item.active = q.value(3).toBool();
            Traits::read(item, q, 4);
            items.append(std::move(item));
        }
        return items;
    }

    Database &m_db;
};

} // namespace vigil
