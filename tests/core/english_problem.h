#pragma once
// Core tests compare a Problem through its English sentence (what the CLI prints), which names the file, line,
// column and value the problem carries.
#include "common/problem.h"

#include <QString>

namespace lstm::test {

inline QString english(const Problem &problem) { return problemInEnglish(problem); }

} // namespace lstm::test
