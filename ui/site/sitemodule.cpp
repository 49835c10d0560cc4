#include "sitemodule.h"

#include "shell/icons.h"
#include "site/sitepage.h"
#include "site/siteprofile.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::SiteModule)
};

} // namespace

SiteModule::SiteModule(const ModuleContext &context)
    : m_context(context)
{
}

QString SiteModule::id() const
{
    return QStringLiteral("site");
}

QString SiteModule::title() const
{
    return Text::tr("Site");
}

QIcon SiteModule::icon() const
{
    return themedIcon(QStringLiteral("site"));
}

QWidget *SiteModule::createWidget(QWidget *parent)
{
    m_page = new SitePage(m_context, parent);
    return m_page;
}

QString SiteModule::fieldTitle(const QString &entity, const QString &field) const
{
    if (entity != QLatin1String("site_profile"))
        return {};
    if (field == QLatin1String("name"))
        return Text::tr("name");
    if (field == QLatin1String("address"))
        return Text::tr("address");
    if (field == QLatin1String("logo"))
        return Text::tr("logo");
    if (field == QLatin1String("paper_size"))
        return Text::tr("paper size");
    return {};
}

bool SiteModule::confirmClose()
{
    return !m_page || m_page->confirmClose();
}

QList<AttentionItem> SiteModule::attentionItems(const QDate &today) const
{
    Q_UNUSED(today);
    const std::optional<SiteProfile> profile = SiteRepository(m_context.db).load();
    if (profile && !profile->address.isEmpty())
        return {};
    AttentionItem item;
    item.level = AttentionItem::Level::Warning;
    item.moduleId = id();
    item.text = profile ? Text::tr("The site's address is missing; the report cover shows it.")
                        : Text::tr("The site profile is not filled in; every report needs the site's name.");
    return {item};
}

QString SiteModule::entityTitle(const QString &entity) const
{
    return entity == QLatin1String("site_profile") ? Text::tr("Site profile") : QString();
}

} // namespace vigil
