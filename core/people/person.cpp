#include "person.h"

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Person)
};

} // namespace

QString CatalogueTraits<Person>::table()
{
    return QStringLiteral("people");
}

QStringList CatalogueTraits<Person>::columns()
{
    return {QStringLiteral("role"), QStringLiteral("email"), QStringLiteral("phone")};
}

QVariantMap CatalogueTraits<Person>::fields(const Person &person)
{
    return {{QStringLiteral("role"), person.role.trimmed()}, {QStringLiteral("email"), person.email.trimmed()},
        {QStringLiteral("phone"), person.phone.trimmed()}};
}

void CatalogueTraits<Person>::read(Person &person, const Query &q, int first)
{
    person.role = q.value(first).toString();
    person.email = q.value(first + 1).toString();
    person.phone = q.value(first + 2).toString();
}

QString CatalogueTraits<Person>::problem(const Person &person)
{
    if (person.name.trimmed().isEmpty())
        return Text::tr("A person needs a name.");
    const QString email = person.email.trimmed();
    if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ')))
        return Text::tr("'%1' is not an e-mail address.").arg(email);
    return {};
}

} // namespace vigil
