#pragma once

#include <QDate>
#include <QString>

#include <functional>

namespace vigil {

enum class DemoScale {
    Small,  // what the README's run command opens: a believable site to explore
    Decade, // about ten years of a busy site: the benchmark data set
};
bool demoScaleFromKey(const QString &key, DemoScale *scale);

struct DemoOptions
{
    DemoScale scale = DemoScale::Small;
    quint64 seed = 1;
    QDate today; // the demo's "today"; records are dated up to it
};

// The day the demo site started keeping its records in Vigil: two years (small) or ten years
// (decade) before the demo's today.
QDate demoStartDate(const DemoOptions &options);

// Creates a NEW site file at path filled with demo data; the same seed and date give the same
// content. Refuses an existing path and never leaves a half-written file. progress (optional)
// is told each step's name as it starts. Throws Error.
void generateDemo(const QString &path, const DemoOptions &options,
    const std::function<void(const QString &step)> &progress = {});

} // namespace vigil
