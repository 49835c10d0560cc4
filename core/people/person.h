#pragma once

#include "storage/catalogue.h"

#include <QString>

namespace vigil {

// Somebody at the site: a risk or control owner, a guard, a trainer. One table for every module
// (the training tracker adds its fields to it); leavers are made inactive, never deleted.
struct Person
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString role;
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
};

using PeopleRepository = Catalogue<Person>;

} // namespace vigil
