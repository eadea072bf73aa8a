#pragma once
// Internal to the generators (generators*.cpp): the refusals every validate() reports — a generator code naming the
// rule, the option's name as the code spells it in {field}, its value and the bounds as numbers — a uniform draw,
// and the line writers generateText shares across files.
#include "generators.h"

#include "common/problem.h"
#include "model/rng.h"

#include <QLocale>

#include <cstdint>
#include <string>
#include <utility>

namespace lstm::generator_checks {

// Shortest text that reads back to the value ("1e-07", "nan", "-1"), so the problem shows what was given.
inline QString numberText(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }
inline QString numberText(int value) { return QString::number(value); }
inline QString numberText(std::int64_t value) { return QString::number(value); }

// Reports `code` about the option `name` holding `value`, with further facts {1}, {2}, … in `args`; returns false.
template <typename Number>
bool bad(Problem *problem, ProblemCode code, const char *name, Number value, QStringList args = {}) {
  return report(problem, Problem(code, std::move(args)).withField(QLatin1String(name)).withValue(numberText(value)));
}

// Reports that the option `name` holding `value` is outside [low, high]; returns false.
template <typename Number>
bool outside(Problem *problem, const char *name, Number value, Number low, Number high) {
  return bad(problem, ProblemCode::GeneratorSettingOutside, name, value, {numberText(low), numberText(high)});
}

inline int uniformInt(Rng &rng, int low, int high) { // [low, high]
  return low + int(rng.below(std::uint64_t(high - low) + 1));
}

} // namespace lstm::generator_checks

namespace lstm::generator_lines {
// Appends one adding-problem line ("4*71932*0588=7\n" for T = 10) drawn from `rng` (generators_adding.cpp).
void appendAddingLine(const AddingOptions &o, Rng &rng, std::u32string &out);
} // namespace lstm::generator_lines
