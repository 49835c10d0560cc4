#pragma once

#include <functional>

class QWidget;

namespace vigil {

// Calls callback once, from the event loop, after window has been painted for the first time.
void whenFirstPainted(QWidget *window, std::function<void()> callback);

} // namespace vigil
