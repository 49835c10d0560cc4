#pragma once

#include "shell/module.h"

#include <QPointer>

namespace vigil {

// A module whose widget is one page class with toolbarActions(), showTarget(), saveState() and
// restoreState(): the page is made on first show and the module passes the calls on to it.
template<typename Page>
class PageModule : public Module
{
public:
    explicit PageModule(const ModuleContext &context)
        : m_context(context)
    {
    }

    QWidget *createWidget(QWidget *parent) override
    {
        m_page = new Page(m_context, parent);
        m_page->restoreState(m_state);
        return m_page;
    }
    QList<QAction *> actions() const override { return m_page ? m_page->toolbarActions() : QList<QAction *>(); }
    void showTarget(const QVariant &target) override
    {
        if (m_page)
            m_page->showTarget(target);
    }
    QVariant saveState() const override { return m_page ? m_page->saveState() : m_state; }
    void restoreState(const QVariant &state) override
    {
        m_state = state;
        if (m_page)
            m_page->restoreState(state);
    }

protected:
    ModuleContext m_context;
    QPointer<Page> m_page;

private:
    QVariant m_state;
};

} // namespace vigil
