#pragma once

#include "storage/catalogue.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace vigil {

// Somebody at the site: a risk or control owner, a guard, a trainer, a contractor. One table
// for every module; leavers are made inactive (with the day they left), never deleted, so their
// records and history stay.
struct Person
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString staffNumber;
    qint64 postId = 0;     // their post (posts): what they must be trained for
    qint64 employerId = 0; // a contractor company (employers); 0: the site's own staff
    QDate startDate;
    QDate leftOn;          // set when they leave; compliance counts them until that day
    QString email;
    QString phone;
    bool active = true;
    bool operator==(const Person &) const = default;
};

template<>
struct CatalogueTraits<Person>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Person &person);
    static void read(Person &person, const Query &q, int first);
    static QString problem(const Person &person);
    // Leavers count for compliance until the day they leave: someone made inactive without a
    // leaving date leaves today; a leaving date that has come makes them inactive; bringing a
    // leaver back (inactive before, active now) clears the date.
    static void settle(Person &person, const Person *stored);
};

using PeopleRepository = Catalogue<Person>;

// "Dana Okafor (Gate officer)": a person as lists of owners and trainers show them.
QString personLabel(Database &db, const Person &person);
// The same for everyone, by id, in one query (for lists of people).
QHash<qint64, QString> personLabels(Database &db);

} // namespace vigil
