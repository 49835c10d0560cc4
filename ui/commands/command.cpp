#include "command.h"

#include "base/error.h"
#include "shell/module.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUndoStack>

namespace vigil {

Command::Command(const ModuleContext &context, const QString &text)
    : QUndoCommand(text)
    , m_host(context.host)
    , m_stack(context.undoStack)
{
}

void Command::failed(const QString &message)
{
    // The stack cannot be cleared from inside its own undo(); right after it, then.
    QUndoStack *stack = &m_stack;
    QTimer::singleShot(0, stack, [stack] { stack->clear(); });
    m_host.showError(QCoreApplication::translate("vigil::Command",
        "%1 The undo history was cleared, because it no longer matches the file.")
                         .arg(message));
}

void Command::redo()
{
    if (std::exchange(m_alreadyApplied, false))
        return;
    try {
        apply();
    } catch (const Error &e) {
        failed(e.message());
    }
}

void Command::undo()
{
    try {
        revert();
    } catch (const Error &e) {
        failed(e.message());
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
