#pragma once
// Deterministic generators for the classic LSTM tasks: each output is a pure function of its options
// and a seed — same seed ⇒ identical output on every platform (all randomness comes from lstm::Rng).
// Text tasks return a corpus for the character trainer: one example per line, every line ending in '\n'.
// Numeric tasks return plain structs of std::vector<double>.
// Every options struct has validate(problem): true when usable; otherwise false and, when `problem` is non-null,
// a Problem (common/problem.h) with a generator code for the rule broken, the option's name as the code spells it
// (maxDepth) in its field and the value and bounds as numbers. The generators have the precondition that
// validate() holds; sizes are bounded by the options.
// All functions are reentrant and may be called from any thread.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lstm {

struct Problem;

// ---- Text tasks -------------------------------------------------------------------------------------------------

// 1. Balanced brackets: random balanced sequences over the first `kinds` of "()", "[]", "{}", nesting never deeper
//    than maxDepth, optionally with filler letters (a–z) between brackets.
struct BracketOptions {
  int examples = 200;              // lines, ≥ 1
  int kinds = 3;                   // 1 = "()", 2 = "()[]", 3 = "()[]{}"
  int maxDepth = 4;                // ≥ 1
  int minLength = 4;               // brackets per line (even; an odd bound is rounded inward), 2 ≤ min ≤ max
  int maxLength = 24;
  double fillerProbability = 0.0;  // chance of one filler letter before each bracket after the first, in [0, 1]
  bool validate(Problem *problem = nullptr) const;
};
std::u32string generateBrackets(const BracketOptions &options, std::uint64_t seed);
// Nesting depth after reading each character (openers +1, closers −1, an unmatched closer stays at 0, anything
// else keeps the depth): the feature the lessons correlate units with. Result has text.size() entries.
std::vector<int> bracketDepth(std::u32string_view text);
// True when `line` (no '\n') is non-empty, every closer matches the latest open opener, all are closed at the end,
// and the depth never exceeds maxDepth. Characters other than ()[]{} are ignored.
bool isBalancedBrackets(std::u32string_view line, int maxDepth);

// 2. Quoted strings: lines of words, spaces and punctuation in which some spans are inside "double quotes".
struct QuoteOptions {
  int examples = 200;              // lines, ≥ 1
  int minWords = 4;                // words per line, 1 ≤ min ≤ max
  int maxWords = 14;
  double quoteProbability = 0.25;  // chance that a quoted span starts at a word, in [0, 1]
  int maxQuotedWords = 4;          // words per quoted span, 1 … maxQuotedWords, ≥ 1
  bool validate(Problem *problem = nullptr) const;
};
std::u32string generateQuotes(const QuoteOptions &options, std::uint64_t seed);
// 1 after reading a character that leaves the reader inside quotes, else 0: an opening '"' gives 1, a closing
// '"' gives 0, and '\n' ends any open quote. Result has text.size() entries.
std::vector<int> insideQuotes(std::u32string_view text);

// 3. Embedded Reber grammar (Hochreiter & Schmidhuber 1997): "B T <Reber> T E" or "B P <Reber> P E", where <Reber>
//    is a string of the Reber automaton (B T|P … E); every transition taken with probability ½.
struct ReberOptions {
  int examples = 200;              // lines, ≥ 1
  int maxLength = 40;              // characters per line, ≥ 9; near the limit the walk takes the shortest way out
  bool validate(Problem *problem = nullptr) const;
};
std::u32string generateEmbeddedReber(const ReberOptions &options, std::uint64_t seed);
bool isReber(std::u32string_view text);          // one plain Reber string, e.g. "BTSSXXVVE"
bool isEmbeddedReber(std::u32string_view text);  // one embedded Reber string, e.g. "BPBTXSEPE"

// 4. aⁿbⁿ counting: lines of n 'a' followed by n 'b', n uniform in [minN, maxN].
struct AnbnOptions {
  int examples = 200;              // lines, ≥ 1
  int minN = 1;                    // 1 ≤ minN ≤ maxN
  int maxN = 12;
  bool validate(Problem *problem = nullptr) const;
};
std::u32string generateAnbn(const AnbnOptions &options, std::uint64_t seed);
bool isAnbn(std::u32string_view line);  // n ≥ 1 'a' then exactly n 'b', nothing else

// 5. Copy with delay: random symbols, a run of `blank` (the delay), the marker, then the same symbols again,
//    e.g. "xqzd......|xqzd".
struct CopyOptions {
  int examples = 200;              // lines, ≥ 1
  std::u32string alphabet = U"abcdefgh"; // symbols to copy; non-empty, without blank, marker or '\n'
  int minLength = 2;               // symbols per line, 1 ≤ min ≤ max
  int maxLength = 6;
  int minDelay = 4;                // blanks per line, 0 ≤ min ≤ max
  int maxDelay = 12;
  char32_t blank = U'.';
  char32_t marker = U'|';          // differs from blank; neither is '\n'
  bool validate(Problem *problem = nullptr) const;
};
std::u32string generateCopy(const CopyOptions &options, std::uint64_t seed);
// True when `line` is "<s><blank…>marker<s>" with <s> non-empty and free of blank and marker.
bool isCopyLine(std::u32string_view line, char32_t blank = U'.', char32_t marker = U'|');

// ---- Numeric tasks ----------------------------------------------------------------------------------------------
// Shape letters: N examples, T steps per example, L series length, K sine components, P season period.

// 6. The adding problem (Hochreiter & Schmidhuber 1997, in the form of Arjovsky et al. 2016): each example has
//    T pairs (value uniform in [0, 1), marker 0/1) with exactly two markers, one in the first half [0, T/2) and one
//    in the second half [T/2, T); the target is the sum of the two marked values.
struct AddingOptions {
  int examples = 100;              // N ≥ 1
  int length = 50;                 // T ≥ 2
  bool validate(Problem *problem = nullptr) const;
};
struct AddingProblem {
  int examples = 0;                // N
  int length = 0;                  // T
  std::vector<double> values;      // (N·T) example-major: values[n·T + t]
  std::vector<double> markers;     // (N·T) 0 or 1, exactly two 1s per example
  std::vector<double> targets;     // (N)
};
AddingProblem generateAdding(const AddingOptions &options, std::uint64_t seed);
// The same task as text for the character trainer (the registry's "adding"): per line T digits, the two marked
// ones preceded by '*', then '=' and their sum in decimal, e.g. "4*71932*0588=7". Holding the first marked digit
// until the '=' is the long-range memory the task tests.
std::u32string generateAddingText(const AddingOptions &options, std::uint64_t seed);
bool isAddingLine(std::u32string_view line, int length); // one such line (no '\n') with T = length
AddingOptions addingTextOptions();                      // the registry's: T = 10

// 7. Sine mixture: x[t] = Σ_k a_k sin(2π f_k t + φ_k) + σ ε_t, ε ~ N(0, 1), t = 0 … L−1 (f in cycles per sample).
//    Parameters left empty are drawn from the seed: f ∈ [minFrequency, maxFrequency), a ∈ [minAmplitude,
//    maxAmplitude), φ ∈ [0, 2π) — in that order, all K of one kind before the next.
struct SineOptions {
  int length = 1000;               // L ≥ 1
  int components = 3;              // K ≥ 1
  std::vector<double> frequencies; // empty or K finite values
  std::vector<double> amplitudes;  // empty or K finite values
  std::vector<double> phases;      // empty or K finite values
  double minFrequency = 0.005;     // 0 ≤ min ≤ max ≤ 0.5 (Nyquist)
  double maxFrequency = 0.05;
  double minAmplitude = 0.2;       // finite, min ≤ max
  double maxAmplitude = 1.0;
  double noise = 0.0;              // σ ≥ 0
  bool validate(Problem *problem = nullptr) const;
};
struct SineMixture {
  std::vector<double> frequencies; // (K) used
  std::vector<double> amplitudes;  // (K) used
  std::vector<double> phases;      // (K) used
  std::vector<double> values;      // (L)
};
SineMixture generateSines(const SineOptions &options, std::uint64_t seed);

// 8. Noisy seasonal series: x[t] = level + slope·t + s[t mod P] + σ ε_t. The season s is P seeded values with
//    mean 0 scaled so that max |s| = seasonalAmplitude; drawn before the noise.
struct SeasonalOptions {
  int length = 600;                // L ≥ 1
  int period = 12;                 // P ≥ 2
  double level = 0.0;              // finite
  double slope = 0.01;             // trend per step, finite
  double seasonalAmplitude = 1.0;  // ≥ 0
  double noise = 0.1;              // σ ≥ 0
  bool validate(Problem *problem = nullptr) const;
};
struct SeasonalSeries {
  std::vector<double> trend;       // (L) level + slope·t
  std::vector<double> seasonal;    // (L) s[t mod P]
  std::vector<double> values;      // (L) trend + seasonal + noise
};
SeasonalSeries generateSeasonal(const SeasonalOptions &options, std::uint64_t seed);

// 9. Mackey–Glass: dx/dt = β x(t−τ) / (1 + x(t−τ)ⁿ) − γ x(t). Classic RK4 with step h = 1/stepsPerUnit; the
//    delayed term is read from the stored grid at t−τ and t−τ+h, and their mean at the half step (τ/h is a whole
//    number, so this is linear interpolation). History x(t) for t ∈ [−τ, 0] on the grid: initial + jitter·u,
//    u uniform in [−1, 1) drawn from the seed oldest first (jitter 0 gives the classic constant history and ignores
//    the seed). burnIn time units are dropped, then x is sampled every 1 time unit: values[i] = x(burnIn + i).
struct MackeyGlassOptions {
  int length = 1000;               // L ≥ 1
  double beta = 0.2;               // β > 0
  double gamma = 0.1;              // γ > 0
  double exponent = 10.0;          // n > 0
  double tau = 17.0;               // τ > 0, τ·stepsPerUnit a whole number
  int stepsPerUnit = 10;           // 1 … 1000
  int burnIn = 500;                // time units dropped, ≥ 0
  double initial = 1.2;            // history level; initial − initialJitter > 0
  double initialJitter = 0.1;      // ≥ 0
  bool validate(Problem *problem = nullptr) const;
};
struct MackeyGlassSeries {
  std::vector<double> values;      // (L)
};
MackeyGlassSeries generateMackeyGlass(const MackeyGlassOptions &options, std::uint64_t seed);

// ---- Registry ---------------------------------------------------------------------------------------------------

struct GeneratorInfo {
  const char *id;                  // "brackets", "parens", "quotes", "reber", "anbn", "copy", "adding", "sines", …
  const char *title;               // UTF-8, for a menu, e.g. "Balanced brackets"
  bool text;                       // true: a character corpus (generateText); false: a numeric series
};
std::span<const GeneratorInfo> availableGenerators();

// The options of the registry's "parens" task: one kind of bracket, nested up to 8 deep, lines of 2–40 brackets —
// depth is the one thing to remember, which makes it the counting lesson.
BracketOptions parenthesesOptions();

// At least `characters` characters (whole lines) of text task `id` with default options ("parens": the above,
// "adding": addingTextOptions()); a prefix of what the
// task's generator gives with the same seed and enough examples. nullopt and the problem (when non-null) for
// an unknown or numeric id, or characters outside [1, 2^28].
std::optional<std::u32string> generateText(std::string_view id, std::int64_t characters, std::uint64_t seed,
                                           Problem *problem);

} // namespace lstm
