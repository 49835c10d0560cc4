#pragma once

#include <QByteArray>

class QImage;

namespace vigil {

// The image as PNG bytes, the form Vigil stores pictures in (logos, thumbnails).
QByteArray toPng(const QImage &image);

} // namespace vigil
