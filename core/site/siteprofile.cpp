#include "siteprofile.h"

#include "storage/database.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QImage>
#include <QLocale>

namespace vigil {
namespace {

const QString table = QStringLiteral("site_profile");

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::SiteRepository)
};

} // namespace

QString paperSizeKey(PaperSize size)
{
    return size == PaperSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

PaperSize paperSizeFromKey(const QString &key)
{
    return key == QLatin1String("Letter") ? PaperSize::Letter : PaperSize::A4;
}

PaperSize defaultPaperSize(const QLocale &locale)
{
    return locale.measurementSystem() == QLocale::ImperialUSSystem ? PaperSize::Letter : PaperSize::A4;
}

SiteRepository::SiteRepository(Database &db)
    : m_db(db)
{
}

std::optional<SiteProfile> SiteRepository::load() const
{
    Query q(m_db, QStringLiteral("SELECT uuid, name, address, logo, paper_size FROM site_profile WHERE id = 1"));
    q.exec();
    if (!q.next())
        return std::nullopt;
    SiteProfile profile;
    profile.uuid = q.value(0).toString();
    profile.name = q.value(1).toString();
    profile.address = q.value(2).toString();
    profile.logoPng = q.value(3).toByteArray();
    profile.paperSize = paperSizeFromKey(q.value(4).toString());
    return profile;
}

void SiteRepository::save(const SiteProfile &profile)
{
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        throw Error(Text::tr("The site needs a name."));
    if (name.size() > 200)
        throw Error(Text::tr("The site name is too long (at most 200 characters)."));
    if (!profile.logoPng.isEmpty()) {
        if (profile.logoPng.size() > maxLogoBytes)
            throw Error(Text::tr("The logo is too large (at most 2 MB)."));
        if (QImage::fromData(profile.logoPng).isNull())
            throw Error(Text::tr("The logo is not an image Vigil can read."));
    }
    const QVariantMap fields {
        {QStringLiteral("name"), name},
        {QStringLiteral("address"), profile.address.trimmed()},
        {QStringLiteral("logo"), profile.logoPng.isEmpty() ? QVariant() : QVariant(profile.logoPng)},
        {QStringLiteral("paper_size"), paperSizeKey(profile.paperSize)},
    };
    Transaction tx(m_db);
    RecordStore store(m_db, table);
    if (scalar(m_db, QStringLiteral("SELECT count(*) FROM site_profile")).toInt() == 0) {
        QVariantMap withUuid = fields;
        if (!profile.uuid.isEmpty())
            withUuid.insert(QStringLiteral("uuid"), profile.uuid);
        store.insert(withUuid); // the first and only row gets id 1
    } else {
        store.update(1, fields);
    }
    tx.commit();
}

} // namespace vigil
