#pragma once

#include <memory>
#include <vector>

namespace vigil {

class Module;
struct ModuleContext;

// The one place where modules are registered, in navigation order (Ctrl+1, Ctrl+2, ...).
std::vector<std::unique_ptr<Module>> createModules(const ModuleContext &context);

} // namespace vigil
