#include "catalogueadapters.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/cataloguecommands.h"
#include "incidents/incidentcatalogues.h"
#include "people/person.h"
#include "risks/riskcatalogues.h"
#include "storage/database.h"
#include "training/training.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::CatalogueDialog)
};

// Names the list shows for ids an entry refers to.
struct Lookups
{
    QHash<qint64, QString> people;
    QHash<qint64, QString> categories;
    QHash<qint64, QString> posts;
    QHash<qint64, QString> employers;
};

// The per-type part: how an entry reads into cells and form values, and back.
template<typename T>
struct Fields;

QList<QPair<QString, QVariant>> choicesOf(const QList<std::pair<qint64, QString>> &items, const QString &none)
{
    QList<QPair<QString, QVariant>> choices {{none, qint64(0)}};
    for (const auto &[id, name] : items)
        choices.append({name, id});
    return choices;
}

template<typename T>
QList<std::pair<qint64, QString>> namesOf(Database &db)
{
    QList<std::pair<qint64, QString>> names;
    for (const T &item : Catalogue<T>(db).list())
        names.append({item.id, item.name});
    return names;
}

template<>
struct Fields<Person>
{
    static QString title() { return Text::tr("People"); }
    static QStringList columns()
    {
        return {Text::tr("Name"), Text::tr("Staff no."), Text::tr("Post"), Text::tr("Employer"), Text::tr("E-mail"),
            Text::tr("Phone")};
    }
    static QList<CatalogueField> fields(const ModuleContext &context)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("staffNumber"), Text::tr("S&taff number:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("post"), Text::tr("P&ost:"), CatalogueField::Type::Choice,
                choicesOf(namesOf<Post>(context.db), Text::tr("(no post)")), 0, 0},
            {QStringLiteral("employer"), Text::tr("E&mployer:"), CatalogueField::Type::Choice,
                choicesOf(namesOf<Employer>(context.db), Text::tr("Own staff")), 0, 0},
            {QStringLiteral("startDate"), Text::tr("St&arted:"), CatalogueField::Type::Date, {}, 0, 0},
            {QStringLiteral("leftOn"), Text::tr("&Left on:"), CatalogueField::Type::Date, {}, 0, 0},
            {QStringLiteral("email"), Text::tr("&E-mail:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("phone"), Text::tr("&Phone:"), CatalogueField::Type::Line, {}, 0, 0}};
    }
    static QStringList cells(const Person &p, const Lookups &names)
    {
        return {p.name, p.staffNumber, names.posts.value(p.postId),
            p.employerId ? names.employers.value(p.employerId) : Text::tr("Own staff"), p.email, p.phone};
    }
    static QVariantMap values(const Person &p)
    {
        return {{QStringLiteral("name"), p.name}, {QStringLiteral("staffNumber"), p.staffNumber},
            {QStringLiteral("post"), p.postId}, {QStringLiteral("employer"), p.employerId},
            {QStringLiteral("startDate"), p.startDate}, {QStringLiteral("leftOn"), p.leftOn},
            {QStringLiteral("email"), p.email}, {QStringLiteral("phone"), p.phone}};
    }
    static void apply(Person &p, const QVariantMap &v)
    {
        p.name = v.value(QStringLiteral("name")).toString();
        p.staffNumber = v.value(QStringLiteral("staffNumber")).toString();
        p.postId = v.value(QStringLiteral("post")).toLongLong();
        p.employerId = v.value(QStringLiteral("employer")).toLongLong();
        p.startDate = v.value(QStringLiteral("startDate")).toDate();
        p.leftOn = v.value(QStringLiteral("leftOn")).toDate();
        p.email = v.value(QStringLiteral("email")).toString();
        p.phone = v.value(QStringLiteral("phone")).toString();
    }
};

template<>
struct Fields<Post>
{
    static QString title() { return Text::tr("Posts"); }
    static QStringList columns() { return {Text::tr("Post"), Text::tr("Description")}; }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Post &p, const Lookups &) { return {p.name, p.description.simplified()}; }
    static QVariantMap values(const Post &p)
    {
        return {{QStringLiteral("name"), p.name}, {QStringLiteral("description"), p.description}};
    }
    static void apply(Post &p, const QVariantMap &v)
    {
        p.name = v.value(QStringLiteral("name")).toString();
        p.description = v.value(QStringLiteral("description")).toString();
    }
};

template<>
struct Fields<Employer>
{
    static QString title() { return Text::tr("Contractor Companies"); }
    static QStringList columns() { return {Text::tr("Company"), Text::tr("Contact")}; }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("contact"), Text::tr("&Contact:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Employer &e, const Lookups &) { return {e.name, e.contact.simplified()}; }
    static QVariantMap values(const Employer &e)
    {
        return {{QStringLiteral("name"), e.name}, {QStringLiteral("contact"), e.contact}};
    }
    static void apply(Employer &e, const QVariantMap &v)
    {
        e.name = v.value(QStringLiteral("name")).toString();
        e.contact = v.value(QStringLiteral("contact")).toString();
    }
};

template<>
struct Fields<Course>
{
    static QString title() { return Text::tr("Courses"); }
    static QStringList columns()
    {
        return {Text::tr("Course"), Text::tr("Provider"), Text::tr("Valid for"), Text::tr("Mandatory")};
    }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        const QList<QPair<QString, QVariant>> mandatory {{Text::tr("No: only for the posts that need it"), false},
            {Text::tr("Yes: everybody needs it"), true}};
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("provider"), Text::tr("&Provider:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("validity"), Text::tr("&Valid for (months, 0: never expires):"),
                CatalogueField::Type::Number, {}, 0, 240},
            {QStringLiteral("mandatory"), Text::tr("&Mandatory:"), CatalogueField::Type::Choice, mandatory, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Course &c, const Lookups &)
    {
        return {c.name, c.provider,
            c.validityMonths ? Text::tr("%n months", nullptr, *c.validityMonths) : Text::tr("Never expires"),
            c.mandatory ? Text::tr("Yes") : Text::tr("No")};
    }
    static QVariantMap values(const Course &c)
    {
        return {{QStringLiteral("name"), c.name}, {QStringLiteral("provider"), c.provider},
            {QStringLiteral("validity"), c.validityMonths.value_or(0)}, {QStringLiteral("mandatory"), c.mandatory},
            {QStringLiteral("description"), c.description}};
    }
    static void apply(Course &c, const QVariantMap &v)
    {
        c.name = v.value(QStringLiteral("name")).toString();
        c.provider = v.value(QStringLiteral("provider")).toString();
        const int months = v.value(QStringLiteral("validity")).toInt();
        c.validityMonths = months > 0 ? std::optional<int>(months) : std::nullopt;
        c.mandatory = v.value(QStringLiteral("mandatory")).toBool();
        c.description = v.value(QStringLiteral("description")).toString();
    }
};

template<>
struct Fields<Threat>
{
    static QString title() { return Text::tr("Threat Catalogue"); }
    static QStringList columns() { return {Text::tr("Threat"), Text::tr("Category"), Text::tr("Source")}; }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("category"), Text::tr("&Category:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Threat &t, const Lookups &)
    {
        return {t.name, t.category, t.source.isEmpty() ? Text::tr("This site") : t.source};
    }
    static QVariantMap values(const Threat &t)
    {
        return {{QStringLiteral("name"), t.name}, {QStringLiteral("category"), t.category},
            {QStringLiteral("description"), t.description}};
    }
    static void apply(Threat &t, const QVariantMap &v)
    {
        t.name = v.value(QStringLiteral("name")).toString();
        t.category = v.value(QStringLiteral("category")).toString();
        t.description = v.value(QStringLiteral("description")).toString();
    }
};

template<>
struct Fields<Control>
{
    static QString title() { return Text::tr("Controls"); }
    static QStringList columns() { return {Text::tr("Control"), Text::tr("Type"), Text::tr("Status"), Text::tr("Owner")}; }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        QList<QPair<QString, QVariant>> types;
        for (ControlType t : {ControlType::Preventive, ControlType::Detective, ControlType::Corrective, ControlType::Deterrent})
            types.append({controlTypeTitle(t), int(t)});
        QList<QPair<QString, QVariant>> statuses;
        for (ControlStatus s : {ControlStatus::Planned, ControlStatus::Implemented, ControlStatus::Ineffective})
            statuses.append({controlStatusTitle(s), int(s)});
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("type"), Text::tr("&Type:"), CatalogueField::Type::Choice, types, 0, 0},
            {QStringLiteral("status"), Text::tr("&Status:"), CatalogueField::Type::Choice, statuses, 0, 0},
            {QStringLiteral("owner"), Text::tr("&Owner:"), CatalogueField::Type::Person, {}, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Control &c, const Lookups &names)
    {
        return {c.name, controlTypeTitle(c.type), controlStatusTitle(c.status), names.people.value(c.ownerId)};
    }
    static QVariantMap values(const Control &c)
    {
        return {{QStringLiteral("name"), c.name}, {QStringLiteral("type"), int(c.type)},
            {QStringLiteral("status"), int(c.status)}, {QStringLiteral("owner"), c.ownerId},
            {QStringLiteral("description"), c.description}};
    }
    static void apply(Control &c, const QVariantMap &v)
    {
        c.name = v.value(QStringLiteral("name")).toString();
        c.type = ControlType(v.value(QStringLiteral("type")).toInt());
        c.status = ControlStatus(v.value(QStringLiteral("status")).toInt());
        c.ownerId = v.value(QStringLiteral("owner")).toLongLong();
        c.description = v.value(QStringLiteral("description")).toString();
    }
};

template<>
struct Fields<Asset>
{
    static QString title() { return Text::tr("Assets"); }
    static QStringList columns()
    {
        return {Text::tr("Asset"), Text::tr("Category"), Text::tr("Location"), Text::tr("Criticality"), Text::tr("Owner")};
    }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("category"), Text::tr("&Category:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("location"), Text::tr("&Location:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("criticality"), Text::tr("C&riticality (1-5):"), CatalogueField::Type::Number, {}, 1, 5},
            {QStringLiteral("owner"), Text::tr("&Owner:"), CatalogueField::Type::Person, {}, 0, 0}};
    }
    static QStringList cells(const Asset &a, const Lookups &names)
    {
        return {a.name, a.category, a.location, QString::number(a.criticality), names.people.value(a.ownerId)};
    }
    static QVariantMap values(const Asset &a)
    {
        return {{QStringLiteral("name"), a.name}, {QStringLiteral("category"), a.category},
            {QStringLiteral("location"), a.location}, {QStringLiteral("criticality"), a.criticality},
            {QStringLiteral("owner"), a.ownerId}};
    }
    static void apply(Asset &a, const QVariantMap &v)
    {
        a.name = v.value(QStringLiteral("name")).toString();
        a.category = v.value(QStringLiteral("category")).toString();
        a.location = v.value(QStringLiteral("location")).toString();
        a.criticality = v.value(QStringLiteral("criticality"), 3).toInt();
        a.ownerId = v.value(QStringLiteral("owner")).toLongLong();
    }
};

template<>
struct Fields<SiteArea>
{
    static QString title() { return Text::tr("Site Areas"); }
    static QStringList columns() { return {Text::tr("Area"), Text::tr("Description")}; }
    static QList<CatalogueField> fields(const ModuleContext &)
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const SiteArea &a, const Lookups &) { return {a.name, a.description}; }
    static QVariantMap values(const SiteArea &a)
    {
        return {{QStringLiteral("name"), a.name}, {QStringLiteral("description"), a.description}};
    }
    static void apply(SiteArea &a, const QVariantMap &v)
    {
        a.name = v.value(QStringLiteral("name")).toString();
        a.description = v.value(QStringLiteral("description")).toString();
    }
};

template<>
struct Fields<IncidentCategory>
{
    static QString title() { return Text::tr("Incident Categories"); }
    static QStringList columns() { return {Text::tr("Category"), Text::tr("Part of"), Text::tr("Source")}; }
    static QList<CatalogueField> fields(const ModuleContext &context)
    {
        QList<QPair<QString, QVariant>> parents {{Text::tr("(a main category)"), 0}};
        for (const IncidentCategory &c : CategoryRepository(context.db).list()) {
            if (c.parentId == 0)
                parents.append({c.name, c.id});
        }
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("parent"), Text::tr("&Part of:"), CatalogueField::Type::Choice, parents, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const IncidentCategory &c, const Lookups &names)
    {
        return {c.name, names.categories.value(c.parentId), c.source};
    }
    static QVariantMap values(const IncidentCategory &c)
    {
        return {{QStringLiteral("name"), c.name}, {QStringLiteral("parent"), c.parentId},
            {QStringLiteral("description"), c.description}};
    }
    static void apply(IncidentCategory &c, const QVariantMap &v)
    {
        c.name = v.value(QStringLiteral("name")).toString();
        c.parentId = v.value(QStringLiteral("parent")).toLongLong();
        c.description = v.value(QStringLiteral("description")).toString();
    }
};

template<typename T>
class TypedAdapter final : public CatalogueAdapter
{
public:
    QString windowTitle() const override { return Fields<T>::title(); }
    QString table() const override { return CatalogueTraits<T>::table(); }
    QStringList columns() const override { return Fields<T>::columns(); }
    QList<CatalogueField> fields(const ModuleContext &context) const override { return Fields<T>::fields(context); }

    QList<CatalogueEntry> entries(const ModuleContext &context, bool includeInactive) const override
    {
        Lookups names;
        for (const Person &p : PeopleRepository(context.db).list(true))
            names.people.insert(p.id, p.name);
        if constexpr (std::is_same_v<T, Person>) {
            for (const auto &[id, name] : namesOf<Post>(context.db))
                names.posts.insert(id, name);
            for (const auto &[id, name] : namesOf<Employer>(context.db))
                names.employers.insert(id, name);
        }
        if constexpr (std::is_same_v<T, IncidentCategory>) {
            for (const IncidentCategory &c : CategoryRepository(context.db).list(true))
                names.categories.insert(c.id, c.name);
        }
        QList<CatalogueEntry> list;
        for (const T &item : Catalogue<T>(context.db).list(includeInactive))
            list.append({item.id, item.active, item.uuid, Fields<T>::cells(item, names), Fields<T>::values(item)});
        return list;
    }

    std::optional<qint64> save(const ModuleContext &context, qint64 id, bool active, const QVariantMap &values) const override
    {
        T item;
        try {
            if (id > 0) {
                if (const std::optional<T> existing = Catalogue<T>(context.db).load(id))
                    item = *existing;
            }
        } catch (const Error &e) {
            context.host.showError(e.message());
            return std::nullopt;
        }
        item.id = id;
        item.active = active;
        Fields<T>::apply(item, values);
        return commands::saveCatalogueItem(context, item);
    }
};

} // namespace

std::unique_ptr<CatalogueAdapter> peopleCatalogue()
{
    return std::make_unique<TypedAdapter<Person>>();
}

std::unique_ptr<CatalogueAdapter> postCatalogue()
{
    return std::make_unique<TypedAdapter<Post>>();
}

std::unique_ptr<CatalogueAdapter> employerCatalogue()
{
    return std::make_unique<TypedAdapter<Employer>>();
}

std::unique_ptr<CatalogueAdapter> courseCatalogue()
{
    return std::make_unique<TypedAdapter<Course>>();
}

std::unique_ptr<CatalogueAdapter> threatCatalogue()
{
    return std::make_unique<TypedAdapter<Threat>>();
}

std::unique_ptr<CatalogueAdapter> controlCatalogue()
{
    return std::make_unique<TypedAdapter<Control>>();
}

std::unique_ptr<CatalogueAdapter> assetCatalogue()
{
    return std::make_unique<TypedAdapter<Asset>>();
}

std::unique_ptr<CatalogueAdapter> areaCatalogue()
{
    return std::make_unique<TypedAdapter<SiteArea>>();
}

std::unique_ptr<CatalogueAdapter> incidentCategoryCatalogue()
{
    return std::make_unique<TypedAdapter<IncidentCategory>>();
}

} // namespace vigil
