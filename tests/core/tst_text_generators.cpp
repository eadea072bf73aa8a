// The text-task generators (core/data/generators.h): every line in its language (checked against
// independent acceptors written here, e.g. a regular expression for Reber), the per-character features, and the
// registry's generateText. Determinism, refusals and the numeric tasks: tst_generators.cpp.
#include "data/corpus.h"
#include "english_problem.h"
#include "data/generators.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>

using namespace lstm;
using lstm::test::english;

namespace {

QByteArray utf8(std::u32string_view text) { return QString::fromUcs4(text.data(), qsizetype(text.size())).toUtf8(); }

// Every line of `text` without its '\n'; fails the test (empty result) when the text does not end with '\n'.
std::vector<std::u32string> lines(const std::u32string &text) {
  std::vector<std::u32string> result;
  if (text.empty() || text.back() != U'\n')
    return result;
  std::size_t start = 0;
  for (std::size_t end = text.find(U'\n'); end != std::u32string::npos; end = text.find(U'\n', start)) {
    result.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return result;
}

// Independent acceptor: the Reber automaton as a regular expression (states after X and after V alternate through
// "X T* V P"); an embedded string wraps one in B T … T E or B P … P E.
const std::string kReber = "B(((TS*X|PT*VP)(XT*VP)*(S|XT*VV))|PT*VV)E";
bool regexReber(std::u32string_view text, bool embedded) {
  static const std::regex plain(kReber), wrapped("B(T" + kReber + "T|P" + kReber + "P)E");
  std::string ascii;
  for (char32_t c : text)
    ascii.push_back(c < 128 ? char(c) : '?');
  return std::regex_match(ascii, embedded ? wrapped : plain);
}

// Independent depth: size of a stack of open brackets after each character.
std::vector<int> stackDepth(std::u32string_view text) {
  std::vector<int> depth;
  std::u32string stack;
  for (char32_t c : text) {
    if (std::u32string_view(U"([{").find(c) != std::u32string_view::npos)
      stack.push_back(c);
    else if (std::u32string_view(U")]}").find(c) != std::u32string_view::npos && !stack.empty())
      stack.pop_back();
    depth.push_back(int(stack.size()));
  }
  return depth;
}

} // namespace

class TestTextGenerators : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void brackets_data();
  void brackets();
  void bracketFeatureAndAcceptor();
  void quotes();
  void reber();
  void reberAcceptorMatchesRegexExhaustively();
  void anbn();
  void copy_data();
  void copy();
  void registryAndGenerateText();
};

void TestTextGenerators::brackets_data() {
  QTest::addColumn<int>("kinds");
  QTest::addColumn<int>("maxDepth");
  QTest::addColumn<int>("minLength");
  QTest::addColumn<int>("maxLength");
  QTest::addColumn<double>("filler");
  QTest::newRow("defaults") << 3 << 4 << 4 << 24 << 0.0;
  QTest::newRow("one kind, depth 1") << 1 << 1 << 2 << 10 << 0.0;
  QTest::newRow("deep, odd bounds") << 2 << 12 << 5 << 41 << 0.0;
  QTest::newRow("filler") << 3 << 3 << 6 << 20 << 0.4;
  QTest::newRow("fixed length") << 3 << 5 << 30 << 30 << 1.0;
}

void TestTextGenerators::brackets() {
  QFETCH(int, kinds);
  QFETCH(int, maxDepth);
  QFETCH(int, minLength);
  QFETCH(int, maxLength);
  QFETCH(double, filler);
  BracketOptions o;
  o.examples = 300;
  o.kinds = kinds;
  o.maxDepth = maxDepth;
  o.minLength = minLength;
  o.maxLength = maxLength;
  o.fillerProbability = filler;
  Problem problem;
  QVERIFY2(o.validate(&problem), qPrintable(test::english(problem)));
  const std::u32string text = generateBrackets(o, 3);
  const auto all = lines(text);
  QCOMPARE(int(all.size()), o.examples);
  const std::u32string allowed = std::u32string(U"()[]{}").substr(0, std::size_t(2 * kinds));
  int deepest = 0, fillers = 0;
  for (const auto &line : all) {
    int brackets = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char32_t c = line[i];
      if (c >= U'a' && c <= U'z') {
        QVERIFY2(i > 0, utf8(line).constData()); // filler only between brackets
        ++fillers;
      } else {
        QVERIFY2(allowed.find(c) != std::u32string::npos, utf8(line).constData());
        ++brackets;
      }
    }
    QVERIFY2(brackets % 2 == 0 && brackets >= minLength && brackets <= maxLength, utf8(line).constData());
    QVERIFY2(isBalancedBrackets(line, maxDepth), utf8(line).constData());
    const std::vector<int> depth = stackDepth(line);
    QCOMPARE(depth.back(), 0);
    deepest = std::max(deepest, *std::max_element(depth.begin(), depth.end()));
  }
  QVERIFY(deepest <= maxDepth);
  QCOMPARE(deepest, maxDepth); // the walk does reach the limit somewhere in 300 lines
  QCOMPARE(fillers > 0, filler > 0.0);
  // The feature over the whole corpus equals the independent stack count (each line returns to 0).
  QVERIFY(bracketDepth(text) == stackDepth(text));
}

void TestTextGenerators::bracketFeatureAndAcceptor() {
  QVERIFY((bracketDepth(U"(a[b]){}") == std::vector<int>{1, 1, 2, 2, 1, 0, 1, 0}));
  QVERIFY((bracketDepth(U")x(") == std::vector<int>{0, 0, 1})); // an unmatched closer stays at 0
  QVERIFY(isBalancedBrackets(U"([]{})", 2));
  QVERIFY(isBalancedBrackets(U"(a)b[c]", 1));
  for (const char32_t *wrong : {U"", U"(]", U"((", U")(", U"([)]", U"(\n)"})
    QVERIFY2(!isBalancedBrackets(wrong, 10), utf8(wrong).constData());
  QVERIFY(!isBalancedBrackets(U"([])", 1)); // deeper than allowed
}

void TestTextGenerators::quotes() {
  QuoteOptions o;
  o.examples = 400;
  const std::u32string text = generateQuotes(o, 11);
  const std::vector<int> feature = insideQuotes(text);
  QCOMPARE(feature.size(), text.size());
  // Independent reading: inside from an odd-numbered '"' of the line up to (not including) the next one.
  std::size_t at = 0, quotedLines = 0;
  for (const auto &line : lines(text)) {
    int quotes = 0, words = 1;
    bool inside = false;
    for (char32_t c : line) {
      QVERIFY2(std::u32string_view(U"abcdefghijklmnopqrstuvwxyz \",.!?").find(c) != std::u32string_view::npos,
               utf8(line).constData());
      if (c == U'"') {
        ++quotes;
        inside = !inside;
      }
      words += c == U' ';
      QCOMPARE(feature[at++], inside ? 1 : 0);
    }
    QCOMPARE(feature[at++], 0); // the '\n'
    QVERIFY2(quotes % 2 == 0, utf8(line).constData());
    QVERIFY2(words >= o.minWords && words <= o.maxWords, utf8(line).constData());
    quotedLines += quotes > 0;
  }
  QCOMPARE(at, text.size());
  QVERIFY(quotedLines > 100 && quotedLines < 400); // some lines quote, some do not
  QVERIFY((insideQuotes(U"a \"b c\" d\n\"e") == std::vector<int>{0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1}));
}

void TestTextGenerators::reber() {
  ReberOptions o;
  o.examples = 500;
  o.maxLength = 14;
  const auto all = lines(generateEmbeddedReber(o, 5));
  QCOMPARE(int(all.size()), o.examples);
  std::set<char32_t> branches;
  for (const auto &line : all) {
    QVERIFY2(line.size() >= 9 && int(line.size()) <= o.maxLength, utf8(line).constData());
    QVERIFY2(isEmbeddedReber(line), utf8(line).constData());
    QVERIFY2(regexReber(line, true), utf8(line).constData());
    QVERIFY(isReber(std::u32string_view(line).substr(2, line.size() - 4)));
    branches.insert(line[1]);
    // The long-range dependency: the other branch letter before the final E is wrong.
    std::u32string swapped = line;
    swapped[line.size() - 2] = line[1] == U'T' ? U'P' : U'T';
    QVERIFY2(!isEmbeddedReber(swapped), utf8(swapped).constData());
    // Every single-letter substitution, insertion and deletion: the validator agrees with the regex.
    for (std::size_t i = 0; i < line.size(); ++i) {
      std::u32string deleted = line;
      deleted.erase(i, 1);
      QCOMPARE(isEmbeddedReber(deleted), regexReber(deleted, true));
      for (char32_t c : std::u32string_view(U"BTPSXVE")) {
        std::u32string changed = line, inserted = line;
        changed[i] = c;
        inserted.insert(i, 1, c);
        QVERIFY2(isEmbeddedReber(changed) == regexReber(changed, true), utf8(changed).constData());
        QVERIFY2(isEmbeddedReber(inserted) == regexReber(inserted, true), utf8(inserted).constData());
      }
    }
  }
  QCOMPARE(branches.size(), std::size_t(2));
  QVERIFY(isEmbeddedReber(U"BTBTXSETE"));
  QVERIFY(isEmbeddedReber(U"BPBPTTVPXVVEPE"));
  QVERIFY(!isEmbeddedReber(U"BTBTXSEPE"));
  QVERIFY(!isEmbeddedReber(U"BTXSE"));
}

void TestTextGenerators::reberAcceptorMatchesRegexExhaustively() {
  // Every "B…E" with 3 … 6 inner letters from T P S X V.
  const std::u32string letters = U"TPSXV";
  int accepted = 0;
  for (int inner = 3; inner <= 6; ++inner) {
    std::vector<int> digits(std::size_t(inner), 0);
    for (bool more = true; more;) {
      std::u32string text = U"B";
      for (int d : digits)
        text.push_back(letters[std::size_t(d)]);
      text.push_back(U'E');
      QVERIFY2(isReber(text) == regexReber(text, false), utf8(text).constData());
      accepted += isReber(text);
      more = false;
      for (int &d : digits)
        if (++d < 5) { more = true; break; } else d = 0;
    }
  }
  QVERIFY(accepted > 10);
}

void TestTextGenerators::anbn() {
  AnbnOptions o;
  o.minN = 3;
  o.maxN = 9;
  std::set<std::size_t> seen;
  for (const auto &line : lines(generateAnbn(o, 2))) {
    QVERIFY2(isAnbn(line), utf8(line).constData());
    seen.insert(line.size() / 2);
    QVERIFY(!isAnbn(line.substr(1)));
    QVERIFY(!isAnbn(U"a" + line));
    QVERIFY(!isAnbn(line + U"b"));
    std::u32string swapped = line;
    std::swap(swapped[line.size() / 2 - 1], swapped[line.size() / 2]);
    QVERIFY(!isAnbn(swapped));
  }
  QCOMPARE(seen, (std::set<std::size_t>{3, 4, 5, 6, 7, 8, 9}));
  QVERIFY(isAnbn(U"ab"));
  for (const char32_t *wrong : {U"", U"ba", U"aab", U"abab", U"aabbx"})
    QVERIFY2(!isAnbn(wrong), utf8(wrong).constData());
}

void TestTextGenerators::copy_data() {
  QTest::addColumn<QString>("alphabet");
  QTest::addColumn<int>("minDelay");
  QTest::addColumn<int>("maxDelay");
  QTest::addColumn<QChar>("blank");
  QTest::addColumn<QChar>("marker");
  QTest::newRow("defaults") << QStringLiteral("abcdefgh") << 4 << 12 << QChar(u'.') << QChar(u'|');
  QTest::newRow("no delay") << QStringLiteral("xyz") << 0 << 0 << QChar(u'.') << QChar(u'|');
  QTest::newRow("own blank and marker") << QStringLiteral("αβγ01") << 1 << 30 << QChar(u'_') << QChar(u'#');
}

void TestTextGenerators::copy() {
  QFETCH(QString, alphabet);
  QFETCH(int, minDelay);
  QFETCH(int, maxDelay);
  QFETCH(QChar, blank);
  QFETCH(QChar, marker);
  CopyOptions o;
  o.alphabet = alphabet.toStdU32String();
  o.minDelay = minDelay;
  o.maxDelay = maxDelay;
  o.blank = blank.unicode();
  o.marker = marker.unicode();
  Problem problem;
  QVERIFY2(o.validate(&problem), qPrintable(test::english(problem)));
  for (const auto &line : lines(generateCopy(o, 9))) {
    QVERIFY2(isCopyLine(line, o.blank, o.marker), utf8(line).constData());
    const std::size_t at = line.find(o.marker), length = line.size() - at - 1;
    QVERIFY(int(length) >= o.minLength && int(length) <= o.maxLength);
    QVERIFY(int(at - length) >= minDelay && int(at - length) <= maxDelay);
    QVERIFY(line.substr(at + 1).find_first_not_of(o.alphabet) == std::u32string::npos);
    std::u32string wrong = line;
    wrong.back() = wrong.back() == o.alphabet[0] ? o.marker : o.alphabet[0];
    QVERIFY2(!isCopyLine(wrong, o.blank, o.marker), utf8(wrong).constData());
    QVERIFY(!isCopyLine(line.substr(0, at), o.blank, o.marker));
  }
  QVERIFY(isCopyLine(U"xqzd......|xqzd"));
  for (const char32_t *wrong : {U"xqzd....|xqz", U"|", U"..|", U"ab.c|ab.c", U"ab|ab|ab", U"ab|ab\n"})
    QVERIFY2(!isCopyLine(wrong), utf8(wrong).constData());
}

void TestTextGenerators::registryAndGenerateText() {
  std::set<std::string> ids, textIds;
  for (const GeneratorInfo &info : availableGenerators()) {
    QVERIFY(ids.insert(info.id).second);
    QVERIFY(std::string(info.title).size() > 3);
    if (info.text)
      textIds.insert(info.id);
  }
  QCOMPARE(ids, (std::set<std::string>{"brackets", "parens", "quotes", "reber", "anbn", "copy", "adding", "sines", "seasonal",
                                       "mackey-glass"}));
  QCOMPARE(textIds, (std::set<std::string>{"brackets", "parens", "quotes", "reber", "anbn", "copy", "adding"}));
  const std::map<std::string, std::function<std::u32string(std::uint64_t)>> generators{
      {"brackets", [](std::uint64_t seed) { BracketOptions o; o.examples = 1000; return generateBrackets(o, seed); }},
      {"parens", [](std::uint64_t seed) { BracketOptions o = parenthesesOptions(); o.examples = 1000; return generateBrackets(o, seed); }},
      {"adding", [](std::uint64_t seed) { AddingOptions o = addingTextOptions(); o.examples = 1000; return generateAddingText(o, seed); }},
      {"quotes", [](std::uint64_t seed) { QuoteOptions o; o.examples = 1000; return generateQuotes(o, seed); }},
      {"reber", [](std::uint64_t seed) { ReberOptions o; o.examples = 1000; return generateEmbeddedReber(o, seed); }},
      {"anbn", [](std::uint64_t seed) { AnbnOptions o; o.examples = 1000; return generateAnbn(o, seed); }},
      {"copy", [](std::uint64_t seed) { CopyOptions o; o.examples = 1000; return generateCopy(o, seed); }}};
  for (const std::string &id : textIds) {
    for (std::int64_t characters : {std::int64_t(1), std::int64_t(3000)}) {
      Problem error;
      const auto text = generateText(id, characters, 99, &error);
      QVERIFY2(text, qPrintable(english(error)));
      QVERIFY(std::int64_t(text->size()) >= characters);
      QCOMPARE(text->back(), U'\n');
      QVERIFY2(generators.at(id)(99).starts_with(*text), id.c_str()); // 1000 lines exceed 3000 characters
    }
    if (id == "adding") { // every line a valid sum, and the checker refuses near misses
      const auto text = *generateText(id, 5000, 3, nullptr);
      std::size_t begin = 0;
      int lines = 0;
      for (std::size_t end = text.find(U'\n'); end != std::u32string::npos; begin = end + 1, end = text.find(U'\n', begin), ++lines)
        QVERIFY(isAddingLine(std::u32string_view(text).substr(begin, end - begin), 10));
      QVERIFY(lines > 200);
      QVERIFY(isAddingLine(U"4*71932*0588=7", 10));
      for (const char32_t *wrong : {U"4*71932*0588=8", U"4*719320588=7", U"*4*71932*0588=11", U"4*7*19320588=8",
                                    U"4*71932*0588=7x", U"4*71932*058=7", U"4*7193a*0588=7", U"4*71932*0588"})
        QVERIFY2(!isAddingLine(wrong, 10), utf8(wrong).constData());
    }
    if (id == "parens") { // one kind of bracket, deeper than the default task allows
      const auto text = *generateText(id, 5000, 3, nullptr);
      QVERIFY(std::all_of(text.begin(), text.end(), [](char32_t c) { return c == U'(' || c == U')' || c == U'\n'; }));
      const auto depths = bracketDepth(text);
      QCOMPARE(*std::max_element(depths.begin(), depths.end()), 8);
      std::size_t begin = 0;
      for (std::size_t end = text.find(U'\n'); end != std::u32string::npos; begin = end + 1, end = text.find(U'\n', begin))
        QVERIFY(isBalancedBrackets(std::u32string_view(text).substr(begin, end - begin), 8));
    }
    Problem error;
    const auto corpus = corpusFromText(*generateText(id, 5000, 1, nullptr), QString::fromStdString(id), {}, &error);
    QVERIFY2(corpus, qPrintable(english(error)));
    QVERIFY(corpus->size() >= 5000);
  }
  for (const char *refused : {"sines", "mackey-glass", "nonsense", ""}) {
    Problem error;
    QVERIFY(!generateText(refused, 100, 1, &error));
    QVERIFY2(!english(error).isEmpty(), refused);
  }
  Problem error;
  QVERIFY(!generateText("anbn", 0, 1, &error));
  QVERIFY(english(error).contains(QStringLiteral("characters")));
}

QTEST_GUILESS_MAIN(TestTextGenerators)
#include "tst_text_generators.moc"
