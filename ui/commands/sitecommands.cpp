#include "sitecommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "shell/module.h"
#include "site/siteprofile.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

class EditSiteProfile final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::EditSiteProfile)

public:
    EditSiteProfile(const ModuleContext &context, SiteProfile before, SiteProfile after)
        : Command(context, tr("Edit site profile"))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { SiteRepository(m_db).save(m_after); }
    void revert() override { SiteRepository(m_db).save(m_before); }

private:
    Database &m_db;
    SiteProfile m_before;
    SiteProfile m_after;
};

} // namespace

bool saveSiteProfile(const ModuleContext &context, const SiteProfile &profile)
{
    std::optional<SiteProfile> before;
    try {
        before = SiteRepository(context.db).load();
        if (!before) {
            SiteRepository(context.db).save(profile);
            return true;
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
    if (*before == profile)
        return true;
    SiteProfile after = profile;
    after.uuid = before->uuid;
    return pushCommand(context, std::make_unique<EditSiteProfile>(context, *before, after));
}

} // namespace vigil::commands
