#pragma once

#include <QIcon>
#include <QString>

namespace vigil {

// An icon from resources/icons/NAME.svg, drawn in the palette's text colour (so it suits light
// and dark themes) and sharp at any size and scale factor.
QIcon themedIcon(const QString &name);

// The application icon, in its own colours.
QIcon applicationIcon();

} // namespace vigil
