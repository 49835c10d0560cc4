#include "person.h"

#include "base/timeformat.h"

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Person)
};

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(toStoredDate(date)) : QVariant();
}

} // namespace

QString CatalogueTraits<Person>::table()
{
    return QStringLiteral("people");
}

QStringList CatalogueTraits<Person>::columns()
{
    return {QStringLiteral("staff_number"), QStringLiteral("post_id"), QStringLiteral("employer_id"),
        QStringLiteral("start_date"), QStringLiteral("left_on"), QStringLiteral("email"), QStringLiteral("phone")};
}

QVariantMap CatalogueTraits<Person>::fields(const Person &person)
{
    return {{QStringLiteral("staff_number"), person.staffNumber.trimmed()},
        {QStringLiteral("post_id"), person.postId > 0 ? QVariant(person.postId) : QVariant()},
        {QStringLiteral("employer_id"), person.employerId > 0 ? QVariant(person.employerId) : QVariant()},
        {QStringLiteral("start_date"), dateOrNull(person.startDate)},
        {QStringLiteral("left_on"), dateOrNull(person.leftOn)},
        {QStringLiteral("email"), person.email.trimmed()}, {QStringLiteral("phone"), person.phone.trimmed()}};
}

void CatalogueTraits<Person>::read(Person &person, const Query &q, int first)
{
    person.staffNumber = q.value(first).toString();
    person.postId = q.value(first + 1).toLongLong();
    person.employerId = q.value(first + 2).toLongLong();
    person.startDate = fromStoredDate(q.value(first + 3).toString());
    person.leftOn = fromStoredDate(q.value(first + 4).toString());
    person.email = q.value(first + 5).toString();
    person.phone = q.value(first + 6).toString();
}

QString CatalogueTraits<Person>::problem(const Person &person)
{
    if (person.name.trimmed().isEmpty())
        return Text::tr("A person needs a name.");
    const QString email = person.email.trimmed();
    if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ')))
        return Text::tr("'%1' is not an e-mail address.").arg(email);
    if (person.leftOn.isValid() && person.startDate.isValid() && person.leftOn < person.startDate)
        return Text::tr("Somebody cannot leave before they started.");
    return {};
}

QString personLabel(Database &db, const Person &person)
{
    if (person.postId <= 0)
        return person.name;
    const QString post = scalar(db, QStringLiteral("SELECT name FROM posts WHERE id = ?"), {person.postId}).toString();
    return post.isEmpty() ? person.name : Text::tr("%1 (%2)").arg(person.name, post);
}

} // namespace vigil
