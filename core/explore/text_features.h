#pragma once
// Per-character features of a text, for unit discovery: "which unit tracks the bracket depth?".
// Each feature gives one value per character — the value after reading that character — so entry s lines up
// with the trace step that reads character s. Pure functions; any thread.
#include "common/problem.h"

#include <QString>

#include <string_view>
#include <vector>

namespace lstm {

enum class TextFeature { BracketDepth, InsideQuotes, LinePosition, SinceSpace, Punctuation, AMinusB, Regex };
inline constexpr TextFeature kTextFeatures[7] = {TextFeature::BracketDepth, TextFeature::InsideQuotes,
                                                 TextFeature::LinePosition, TextFeature::SinceSpace,
                                                 TextFeature::Punctuation,  TextFeature::AMinusB,
                                                 TextFeature::Regex};

// Stable id, as stored in lessons: "bracket-depth", "inside-quotes", "line-position", "since-space",
// "punctuation", "a-minus-b", "regex".
const char *featureId(TextFeature f);
// The feature of `id` (one of featureId's strings); false and `out` unchanged otherwise.
bool parseTextFeature(const QString &id, TextFeature &out);

// One value per character of `text` (text.size() entries):
//   BracketDepth  lstm::bracketDepth (openers of ()[]{} +1, closers −1, never below 0);
//   InsideQuotes  lstm::insideQuotes (1 inside "double quotes", a newline ends an open quote);
//   LinePosition  characters since the last '\n' (the '\n' itself is 0, the first character of the text 1);
//   SinceSpace    characters since the last space or '\n' (those are 0);
//   Punctuation   1 for Unicode punctuation (QChar::isPunct on the code point: ",.!?" and CJK "，。"), else 0;
//   AMinusB       letters 'a' minus letters 'b' since the last '\n' (the aⁿbⁿ counting lesson; '\n' is 0);
//   Regex         1 for characters inside a match of `pattern` (QRegularExpression with Unicode properties,
//                 matched on the whole text), else 0; empty matches mark nothing.
// An invalid `pattern` (Regex only) gives an empty vector and TextFeatureBadPattern in `problem` (when non-null:
// the pattern, the 1-based position of the error, Qt's reason); `problem` is reset on success.
std::vector<double> computeTextFeature(TextFeature f, std::u32string_view text, const QString &pattern = {},
                                       Problem *problem = nullptr);

} // namespace lstm
