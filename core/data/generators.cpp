// Text tasks and the registry. Each task appends one line at a time from a single Rng stream, so the public
// generators (a fixed number of lines) and generateText (lines until enough characters) share one sequence.
#include "generators.h"

#include "generator_checks.h"
#include "common/problem.h"

#include "model/rng.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lstm {

namespace {

constexpr int kMaxExamples = 1'000'000;
constexpr int kMaxLineLength = 100'000;
constexpr std::int64_t kMaxCharacters = std::int64_t(1) << 28;

using generator_checks::bad;
using generator_checks::numberText;
using generator_checks::outside;
using generator_checks::uniformInt;

bool checkExamples(int examples, Problem *problem) {
  if (examples < 1 || examples > kMaxExamples)
    return outside(problem, "examples", examples, 1, kMaxExamples);
  return true;
}

// Closed range [low, high] of ints, both within [floor, ceiling].
bool checkRange(const char *lowName, int low, const char *highName, int high, int floor, int ceiling,
                Problem *problem) {
  if (low < floor || low > ceiling)
    return outside(problem, lowName, low, floor, ceiling);
  if (high < low || high > ceiling)
    return bad(problem, ProblemCode::GeneratorSettingAboveOther, highName, high,
               {QLatin1String(lowName), numberText(low), numberText(ceiling)});
  return true;
}

constexpr std::array<char32_t, 3> kOpeners{U'(', U'[', U'{'};
constexpr std::array<char32_t, 3> kClosers{U')', U']', U'}'};

int openerIndex(char32_t c) {
  for (int k = 0; k < 3; ++k)
    if (kOpeners[std::size_t(k)] == c)
      return k;
  return -1;
}
int closerIndex(char32_t c) {
  for (int k = 0; k < 3; ++k)
    if (kClosers[std::size_t(k)] == c)
      return k;
  return -1;
}

// A random walk over depth: open while depth < maxDepth and the closers still fit, close when the remaining
// positions equal the depth; otherwise open or close with probability ½. Even length ⇒ always balanced.
void appendBracketLine(const BracketOptions &o, Rng &rng, std::u32string &out) {
  const int low = (o.minLength + 1) / 2, high = o.maxLength / 2; // in pairs
  const int length = 2 * uniformInt(rng, low, high);
  std::vector<int> stack; // kinds of the open brackets
  stack.reserve(std::size_t(std::min(o.maxDepth, length / 2)));
  for (int i = 0; i < length; ++i) {
    if (i > 0 && o.fillerProbability > 0.0 && rng.uniform() < o.fillerProbability)
      out.push_back(char32_t(U'a' + rng.below(26)));
    const int depth = int(stack.size()), remaining = length - i;
    const bool canOpen = depth < o.maxDepth && depth + 1 <= remaining - 1;
    const bool canClose = depth > 0;
    const bool open = canOpen && (!canClose || rng.below(2) == 0);
    if (open) {
      const int kind = int(rng.below(std::uint64_t(o.kinds)));
      stack.push_back(kind);
      out.push_back(kOpeners[std::size_t(kind)]);
    } else {
      out.push_back(kClosers[std::size_t(stack.back())]);
      stack.pop_back();
    }
  }
  out.push_back(U'\n');
}

constexpr std::array<std::u32string_view, 24> kWords{
    U"the", U"a",   U"cat",  U"dog",   U"said", U"run", U"now",  U"and",  U"it",    U"is",   U"was",  U"not",
    U"yes", U"no",  U"to",   U"go",    U"home", U"we",  U"they", U"tree", U"light", U"slow", U"blue", U"why"};
constexpr std::array<char32_t, 4> kPunctuation{U',', U'.', U'!', U'?'};

// Words separated by single spaces; a span of 1 … maxQuotedWords words may be wrapped in quotes; a word may be
// followed by punctuation (inside the span too), and the line ends with '.', '!' or '?'.
void appendQuoteLine(const QuoteOptions &o, Rng &rng, std::u32string &out) {
  const int words = uniformInt(rng, o.minWords, o.maxWords);
  int quotedLeft = 0; // words still to write inside the open span
  for (int w = 0; w < words; ++w) {
    if (w > 0)
      out.push_back(U' ');
    if (quotedLeft == 0 && rng.uniform() < o.quoteProbability) {
      quotedLeft = uniformInt(rng, 1, std::min(o.maxQuotedWords, words - w));
      out.push_back(U'"');
    }
    out.append(kWords[rng.below(kWords.size())]);
    const bool lastWord = w + 1 == words;
    if (!lastWord && rng.below(6) == 0)
      out.push_back(kPunctuation[rng.below(2)]);
    if (quotedLeft > 0 && --quotedLeft == 0)
      out.push_back(U'"');
    if (lastWord)
      out.push_back(kPunctuation[1 + rng.below(3)]);
  }
  out.push_back(U'\n');
}

// The Reber automaton after its 'B'. Each state has two edges; edge 0 of states 2–5 and both of state 1 are
// the shortest way to 'E' (shortestToEnd counts the characters still to write, 'E' included).
struct ReberEdge {
  char32_t symbol;
  int next; // 6 = write 'E'
};
constexpr std::array<std::array<ReberEdge, 2>, 6> kReber{{
    {{{U'?', -1}, {U'?', -1}}}, // 0: unused (before 'B')
    {{{U'T', 2}, {U'P', 3}}},   // 1: after B
    {{{U'X', 4}, {U'S', 2}}},   // 2: the S loop
    {{{U'V', 5}, {U'T', 3}}},   // 3: the T loop
    {{{U'S', 6}, {U'X', 3}}},   // 4: after X
    {{{U'V', 6}, {U'P', 4}}},   // 5: after V
}};
constexpr std::array<int, 7> kShortestToEnd{0, 4, 3, 3, 2, 2, 1};

// One inner Reber string; `budget` is how many characters it may use (≥ 5).
void appendReber(Rng &rng, int budget, std::u32string &out) {
  out.push_back(U'B');
  int used = 1, state = 1;
  while (state != 6) {
    int edge = int(rng.below(2));
    const ReberEdge &taken = kReber[std::size_t(state)][std::size_t(edge)];
    if (used + 1 + kShortestToEnd[std::size_t(taken.next)] > budget)
      edge = 0; // the shortest way out; always fits because the previous step did
    out.push_back(kReber[std::size_t(state)][std::size_t(edge)].symbol);
    state = kReber[std::size_t(state)][std::size_t(edge)].next;
    ++used;
  }
  out.push_back(U'E');
}

void appendEmbeddedReberLine(const ReberOptions &o, Rng &rng, std::u32string &out) {
  const char32_t branch = rng.below(2) == 0 ? U'T' : U'P';
  out.push_back(U'B');
  out.push_back(branch);
  appendReber(rng, o.maxLength - 4, out);
  out.push_back(branch);
  out.push_back(U'E');
  out.push_back(U'\n');
}

void appendAnbnLine(const AnbnOptions &o, Rng &rng, std::u32string &out) {
  const int n = uniformInt(rng, o.minN, o.maxN);
  out.append(std::size_t(n), U'a');
  out.append(std::size_t(n), U'b');
  out.push_back(U'\n');
}

void appendCopyLine(const CopyOptions &o, Rng &rng, std::u32string &out) {
  const int length = uniformInt(rng, o.minLength, o.maxLength);
  const int delay = uniformInt(rng, o.minDelay, o.maxDelay);
  const std::size_t start = out.size();
  for (int i = 0; i < length; ++i)
    out.push_back(o.alphabet[rng.below(o.alphabet.size())]);
  out.append(std::size_t(delay), o.blank);
  out.push_back(o.marker);
  out.append(out, start, std::size_t(length));
  out.push_back(U'\n');
}

template <typename Options, typename AppendLine>
std::u32string generateLines(const Options &o, std::uint64_t seed, AppendLine appendLine) {
  Rng rng(seed);
  std::u32string out;
  for (int e = 0; e < o.examples; ++e)
    appendLine(o, rng, out);
  return out;
}

template <typename Options, typename AppendLine>
std::u32string generateCharacters(std::int64_t characters, std::uint64_t seed, AppendLine appendLine,
                                  const Options &o = Options{}) {
  Rng rng(seed);
  std::u32string out;
  while (std::int64_t(out.size()) < characters) // every line adds ≥ 2 characters
    appendLine(o, rng, out);
  return out;
}

constexpr std::array<GeneratorInfo, 10> kGenerators{{
    {"brackets", "Balanced brackets", true},
    {"parens", "Deeply nested parentheses", true},
    {"quotes", "Quoted strings", true},
    {"reber", "Embedded Reber grammar", true},
    {"anbn", "aⁿbⁿ counting", true},
    {"copy", "Copy after a delay", true},
    {"adding", "Adding problem (digits)", true},
    {"sines", "Sine mixture", false},
    {"seasonal", "Seasonal series", false},
    {"mackey-glass", "Mackey–Glass series", false},
}};

} // namespace

// ---- Validation ---------------------------------------------------------------------------------------------------

bool BracketOptions::validate(Problem *problem) const {
  if (!checkExamples(examples, problem))
    return false;
  if (kinds < 1 || kinds > 3)
    return outside(problem, "kinds", kinds, 1, 3);
  if (maxDepth < 1 || maxDepth > kMaxLineLength)
    return outside(problem, "maxDepth", maxDepth, 1, kMaxLineLength);
  if (!checkRange("minLength", minLength, "maxLength", maxLength, 2, kMaxLineLength, problem))
    return false;
  if ((minLength + 1) / 2 > maxLength / 2)
    return report(problem,
                  Problem(ProblemCode::GeneratorLengthRangeOdd, {numberText(minLength), numberText(maxLength)}));
  if (!(fillerProbability >= 0.0 && fillerProbability <= 1.0))
    return outside(problem, "fillerProbability", fillerProbability, 0.0, 1.0);
  return true;
}

bool QuoteOptions::validate(Problem *problem) const {
  if (!checkExamples(examples, problem))
    return false;
  if (!checkRange("minWords", minWords, "maxWords", maxWords, 1, kMaxLineLength, problem))
    return false;
  if (!(quoteProbability >= 0.0 && quoteProbability <= 1.0))
    return outside(problem, "quoteProbability", quoteProbability, 0.0, 1.0);
  if (maxQuotedWords < 1 || maxQuotedWords > kMaxLineLength)
    return outside(problem, "maxQuotedWords", maxQuotedWords, 1, kMaxLineLength);
  return true;
}

bool ReberOptions::validate(Problem *problem) const {
  if (!checkExamples(examples, problem))
    return false;
  if (maxLength < 9 || maxLength > kMaxLineLength) // the shortest embedded Reber string has 9 characters
    return outside(problem, "maxLength", maxLength, 9, kMaxLineLength);
  return true;
}

bool AnbnOptions::validate(Problem *problem) const {
  return checkExamples(examples, problem) && checkRange("minN", minN, "maxN", maxN, 1, kMaxLineLength / 2, problem);
}

bool CopyOptions::validate(Problem *problem) const {
  if (!checkExamples(examples, problem))
    return false;
  if (alphabet.empty())
    return report(problem, Problem(ProblemCode::GeneratorAlphabetEmpty));
  const auto invalid = [](char32_t c) { return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF); };
  if (blank == U'\n' || marker == U'\n' || blank == marker || invalid(blank) || invalid(marker))
    return report(problem, Problem(ProblemCode::GeneratorBlankMarker));
  for (char32_t c : alphabet)
    if (c == blank || c == marker || c == U'\n' || invalid(c))
      return report(problem, Problem(ProblemCode::GeneratorAlphabetSymbol));
  return checkRange("minLength", minLength, "maxLength", maxLength, 1, kMaxLineLength, problem) &&
         checkRange("minDelay", minDelay, "maxDelay", maxDelay, 0, kMaxLineLength, problem);
}

// ---- Generators and features --------------------------------------------------------------------------------

std::u32string generateBrackets(const BracketOptions &options, std::uint64_t seed) {
  return generateLines(options, seed, appendBracketLine);
}

std::vector<int> bracketDepth(std::u32string_view text) {
  std::vector<int> depth(text.size());
  int d = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (openerIndex(text[i]) >= 0)
      ++d;
    else if (closerIndex(text[i]) >= 0 && d > 0)
      --d;
    depth[i] = d;
  }
  return depth;
}

bool isBalancedBrackets(std::u32string_view line, int maxDepth) {
  std::vector<int> stack;
  for (char32_t c : line) {
    if (c == U'\n')
      return false;
    if (const int k = openerIndex(c); k >= 0) {
      stack.push_back(k);
      if (int(stack.size()) > maxDepth)
        return false;
    } else if (const int m = closerIndex(c); m >= 0) {
      if (stack.empty() || stack.back() != m)
        return false;
      stack.pop_back();
    }
  }
  return !line.empty() && stack.empty();
}

std::u32string generateQuotes(const QuoteOptions &options, std::uint64_t seed) {
  return generateLines(options, seed, appendQuoteLine);
}

std::vector<int> insideQuotes(std::u32string_view text) {
  std::vector<int> inside(text.size());
  int state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'"')
      state = 1 - state;
    else if (text[i] == U'\n')
      state = 0;
    inside[i] = state;
  }
  return inside;
}

std::u32string generateEmbeddedReber(const ReberOptions &options, std::uint64_t seed) {
  return generateLines(options, seed, appendEmbeddedReberLine);
}

bool isReber(std::u32string_view text) {
  if (text.size() < 5 || text.front() != U'B')
    return false;
  int state = 1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (state == 6)
      return text[i] == U'E' && i + 1 == text.size();
    const auto &edges = kReber[std::size_t(state)];
    if (text[i] == edges[0].symbol)
      state = edges[0].next;
    else if (text[i] == edges[1].symbol)
      state = edges[1].next;
    else
      return false;
  }
  return false; // ended before 'E'
}

bool isEmbeddedReber(std::u32string_view text) {
  const std::size_t n = text.size();
  return n >= 9 && text[0] == U'B' && (text[1] == U'T' || text[1] == U'P') && text[n - 2] == text[1] &&
         text[n - 1] == U'E' && isReber(text.substr(2, n - 4));
}

std::u32string generateAnbn(const AnbnOptions &options, std::uint64_t seed) {
  return generateLines(options, seed, appendAnbnLine);
}

bool isAnbn(std::u32string_view line) {
  const std::size_t n = line.size() / 2;
  if (n == 0 || line.size() % 2 != 0)
    return false;
  return line.find_first_not_of(U'a') == n && line.find_first_not_of(U'b', n) == std::u32string_view::npos;
}

std::u32string generateCopy(const CopyOptions &options, std::uint64_t seed) {
  return generateLines(options, seed, appendCopyLine);
}

bool isCopyLine(std::u32string_view line, char32_t blank, char32_t marker) {
  const std::size_t at = line.find(marker);
  if (at == std::u32string_view::npos || line.find(marker, at + 1) != std::u32string_view::npos ||
      line.find(U'\n') != std::u32string_view::npos)
    return false;
  const std::u32string_view head = line.substr(0, at), copy = line.substr(at + 1);
  const std::size_t symbols = head.find(blank) == std::u32string_view::npos ? head.size() : head.find(blank);
  if (symbols == 0 || head.find_first_not_of(blank, symbols) != std::u32string_view::npos)
    return false;
  return copy == head.substr(0, symbols);
}

// ---- Registry -----------------------------------------------------------------------------------------------------

std::span<const GeneratorInfo> availableGenerators() { return kGenerators; }

BracketOptions parenthesesOptions() {
  BracketOptions o;
  o.kinds = 1;
  o.maxDepth = 8;
  o.minLength = 2;
  o.maxLength = 40;
  return o;
}

std::optional<std::u32string> generateText(std::string_view id, std::int64_t characters, std::uint64_t seed,
                                           Problem *problem) {
  const auto fail = [problem](ProblemCode code, const QString &generator) -> std::optional<std::u32string> {
    report(problem, Problem(code).withField(generator));
    return std::nullopt;
  };
  if (characters < 1 || characters > kMaxCharacters) {
    report(problem, Problem(ProblemCode::GeneratorCharacters)
                        .withValue(QString::number(characters))
                        .withLimit(QString::number(kMaxCharacters)));
    return std::nullopt;
  }
  if (id == "brackets")
    return generateCharacters<BracketOptions>(characters, seed, appendBracketLine);
  if (id == "parens")
    return generateCharacters<BracketOptions>(characters, seed, appendBracketLine, parenthesesOptions());
  if (id == "quotes")
    return generateCharacters<QuoteOptions>(characters, seed, appendQuoteLine);
  if (id == "reber")
    return generateCharacters<ReberOptions>(characters, seed, appendEmbeddedReberLine);
  if (id == "anbn")
    return generateCharacters<AnbnOptions>(characters, seed, appendAnbnLine);
  if (id == "copy")
    return generateCharacters<CopyOptions>(characters, seed, appendCopyLine);
  if (id == "adding")
    return generateCharacters<AddingOptions>(characters, seed, generator_lines::appendAddingLine, addingTextOptions());
  for (const GeneratorInfo &info : kGenerators)
    if (id == info.id)
      return fail(ProblemCode::GeneratorNumeric, QString::fromUtf8(id.data(), qsizetype(id.size())));
  return fail(ProblemCode::GeneratorUnknown, QString::fromUtf8(id.data(), qsizetype(id.size())));
}

} // namespace lstm
