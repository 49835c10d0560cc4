#include "catalogueadapters.h"

#include "base/error.h"
#include "commands/cataloguecommands.h"
#include "people/person.h"
#include "risks/riskcatalogues.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::CatalogueDialog)
};

// The per-type part: how an entry reads into cells and form values, and back.
template<typename T>
struct Fields;

template<>
struct Fields<Person>
{
    static QString title() { return Text::tr("People"); }
    static QStringList columns() { return {Text::tr("Name"), Text::tr("Role"), Text::tr("E-mail"), Text::tr("Phone")}; }
    static QList<CatalogueField> fields()
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("role"), Text::tr("&Role:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("email"), Text::tr("&E-mail:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("phone"), Text::tr("&Phone:"), CatalogueField::Type::Line, {}, 0, 0}};
    }
    static QStringList cells(const Person &p, const QHash<qint64, QString> &) { return {p.name, p.role, p.email, p.phone}; }
    static QVariantMap values(const Person &p)
    {
        return {{QStringLiteral("name"), p.name}, {QStringLiteral("role"), p.role}, {QStringLiteral("email"), p.email},
            {QStringLiteral("phone"), p.phone}};
    }
    static void apply(Person &p, const QVariantMap &v)
    {
        p.name = v.value(QStringLiteral("name")).toString();
        p.role = v.value(QStringLiteral("role")).toString();
        p.email = v.value(QStringLiteral("email")).toString();
        p.phone = v.value(QStringLiteral("phone")).toString();
    }
};

template<>
struct Fields<Threat>
{
    static QString title() { return Text::tr("Threat Catalogue"); }
    static QStringList columns() { return {Text::tr("Threat"), Text::tr("Category"), Text::tr("Source")}; }
    static QList<CatalogueField> fields()
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("category"), Text::tr("&Category:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("description"), Text::tr("&Description:"), CatalogueField::Type::Text, {}, 0, 0}};
    }
    static QStringList cells(const Threat &t, const QHash<qint64, QString> &)
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
    static QList<CatalogueField> fields()
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
    static QStringList cells(const Control &c, const QHash<qint64, QString> &people)
    {
        return {c.name, controlTypeTitle(c.type), controlStatusTitle(c.status), people.value(c.ownerId)};
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
    static QList<CatalogueField> fields()
    {
        return {{QStringLiteral("name"), Text::tr("&Name:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("category"), Text::tr("&Category:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("location"), Text::tr("&Location:"), CatalogueField::Type::Line, {}, 0, 0},
            {QStringLiteral("criticality"), Text::tr("C&riticality (1-5):"), CatalogueField::Type::Number, {}, 1, 5},
            {QStringLiteral("owner"), Text::tr("&Owner:"), CatalogueField::Type::Person, {}, 0, 0}};
    }
    static QStringList cells(const Asset &a, const QHash<qint64, QString> &people)
    {
        return {a.name, a.category, a.location, QString::number(a.criticality), people.value(a.ownerId)};
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

template<typename T>
class TypedAdapter final : public CatalogueAdapter
{
public:
    QString windowTitle() const override { return Fields<T>::title(); }
    QStringList columns() const override { return Fields<T>::columns(); }
    QList<CatalogueField> fields() const override { return Fields<T>::fields(); }

    QList<CatalogueEntry> entries(const ModuleContext &context, bool includeInactive) const override
    {
        QHash<qint64, QString> people;
        for (const Person &p : PeopleRepository(context.db).list(true))
            people.insert(p.id, p.name);
        QList<CatalogueEntry> list;
        for (const T &item : Catalogue<T>(context.db).list(includeInactive))
            list.append({item.id, item.active, Fields<T>::cells(item, people), Fields<T>::values(item)});
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

} // namespace vigil
