#include "person.h"

#include "base/clock.h"
#include "base/timeformat.h"

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
    return {QStringLiteral("staff_number"), QStringLiteral("post_id"), QStringLiteral("employer_id"),
        QStringLiteral("start_date"), QStringLiteral("left_on"), QStringLiteral("email"), QStringLiteral("phone")};
}

QVariantMap CatalogueTraits<Person>::fields(const Person &person)
{
    return {{QStringLiteral("staff_number"), person.staffNumber.trimmed()},
        {QStringLiteral("post_id"), idOrNull(person.postId)},
        {QStringLiteral("employer_id"), idOrNull(person.employerId)},
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

void CatalogueTraits<Person>::settle(Person &person, const Person *stored)
{
    const QDate today = Clock::current().today();
    const bool comingBack = person.active && stored && !stored->active;
    if (!person.active && !person.leftOn.isValid())
        person.leftOn = today;
    else if (comingBack && person.leftOn.isValid() && person.leftOn <= today)
        person.leftOn = {};
    else if (person.active && person.leftOn.isValid() && person.leftOn <= today)
        person.active = false;
}

QString personLabel(Database &db, const Person &person)
{
    if (person.postId <= 0)
        return person.name;
    const QString post = scalar(db, QStringLiteral("SELECT name FROM posts WHERE id = ?"), {person.postId}).toString();
    return post.isEmpty() ? person.name : Text::tr("%1 (%2)").arg(person.name, post);
}

QHash<qint64, QString> personLabels(Database &db)
{
    Query q(db, QStringLiteral("SELECT p.id, p.name, po.name FROM people p LEFT JOIN posts po ON po.id = p.post_id"));
    q.exec();
    QHash<qint64, QString> labels;
    while (q.next()) {
        const QString post = q.value(2).toString();
        labels.insert(q.value(0).toLongLong(),
            post.isEmpty() ? q.value(1).toString() : Text::tr("%1 (%2)").arg(q.value(1).toString(), post));
    }
    return labels;
}

} // namespace vigil
