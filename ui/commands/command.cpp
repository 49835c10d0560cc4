#include "command.h"

#include "base/error.h"
#include "shell/module.h"

#include <QUndoStack>

namespace vigil {

Command::Command(ModuleHost &host, const QString &text)
    : QUndoCommand(text)
    , m_host(host)
{
}

void Command::redo()
{
    if (std::exchange(m_alreadyApplied, false))
        return;
    try {
        apply();
    } catch (const Error &e) {
        m_host.showError(e.message());
        setObsolete(true);
    }
}

void Command::undo()
{
    try {
        revert();
    } catch (const Error &e) {
        m_host.showError(e.message());
        setObsolete(true);
    }
}

bool pushCommand(const ModuleContext &context, std::unique_ptr<Command> command)
{
    try {
        command->apply();
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
    command->m_alreadyApplied = true;
    context.undoStack.push(command.release());
    return true;
}

} // namespace vigil
