#include "overviewmodule.h"

#include "overview/overviewpage.h"
#include "shell/icons.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::OverviewModule)
};

} // namespace

OverviewModule::OverviewModule(const ModuleContext &context)
    : m_context(context)
{
}

QString OverviewModule::id() const
{
    return QStringLiteral("overview");
}

QString OverviewModule::title() const
{
    return Text::tr("Overview");
}

QIcon OverviewModule::icon() const
{
    return themedIcon(QStringLiteral("overview"));
}

QWidget *OverviewModule::createWidget(QWidget *parent)
{
    return new OverviewPage(m_context, parent);
}

} // namespace vigil
