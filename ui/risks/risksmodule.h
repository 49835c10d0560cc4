#pragma once

#include "shell/module.h"

#include <QPointer>

namespace vigil {

class RisksPage;

// The risk register and risk matrix (ISO 18788 risk assessment and treatment).
class RisksModule final : public Module
{
public:
    explicit RisksModule(const ModuleContext &context);

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createWidget(QWidget *parent) override;
    QList<QAction *> actions() const override;
    void showTarget(const QVariant &target) override;
    QVariant saveState() const override;
    void restoreState(const QVariant &state) override;
    QList<OverviewFigure> overviewFigures() const override;
    QList<AttentionItem> attentionItems(const QDate &today) const override;
    QString entityTitle(const QString &entity) const override;
    QString recordLabel(const QString &entity, const QString &uuid) const override;
    QString fieldTitle(const QString &entity, const QString &field) const override;

private:
    ModuleContext m_context;
    QPointer<RisksPage> m_page;
    QVariant m_state;
};

} // namespace vigil
