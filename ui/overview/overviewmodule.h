#pragma once

#include "shell/module.h"

namespace vigil {

// The first page: the site, what needs attention today, headline figures from every module and
// the latest changes.
class OverviewModule final : public Module
{
public:
    explicit OverviewModule(const ModuleContext &context);

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createWidget(QWidget *parent) override;

private:
    ModuleContext m_context;
};

} // namespace vigil
