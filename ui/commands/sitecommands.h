#pragma once

namespace vigil {

struct ModuleContext;
struct SiteProfile;

namespace commands {

// Saves the site profile. The first save of a new file is not undoable (there is nothing to go
// back to); every later one is. Returns false, after telling the user why, when it failed.
bool saveSiteProfile(const ModuleContext &context, const SiteProfile &profile);

} // namespace commands
} // namespace vigil
