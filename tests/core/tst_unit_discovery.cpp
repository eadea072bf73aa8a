// Unit discovery: the text features on hand-checked strings, Pearson r and saturation
// fractions against a two-pass reference on a hand-filled trace, and a hand-built model whose unit 2 is an
// exact bracket counter, which rankUnits must find first.
#include "bracket_counter_model.h"
#include "english_problem.h"
#include "explore/stepper.h"
#include "explore/text_features.h"
#include "explore/unit_ranking.h"
#include "model/initialization.h"
#include "model/rng.h"

#include <QTest>

#include <cmath>
#include <memory>

using namespace lstm;
using test::bracketCounterModel;
using test::kClosed;
using test::kCounter;

namespace {

using Values = std::vector<double>;

// Balanced lines over "()ab\n", nesting up to 5, filler letters between brackets.
std::u32string bracketText(int lines) {
  Rng rng(11);
  std::u32string text;
  for (int line = 0; line < lines; ++line) {
    int depth = 0;
    const int length = 6 + int(rng.below(14));
    for (int k = 0; k < length; ++k) {
      const double u = rng.uniform();
      if (u < 0.25)
        text += rng.below(2) ? U'a' : U'b';
      else if (depth < 5 && (depth == 0 || u < 0.6)) {
        text += U'(';
        ++depth;
      } else {
        text += U')';
        --depth;
      }
    }
    text.append(std::size_t(depth), U')');
    text += U'\n';
  }
  return text;
}

std::unique_ptr<Stepper> readText(std::shared_ptr<const Model> model, const std::u32string &text) {
  auto stepper = std::make_unique<Stepper>(model);
  for (char32_t c : text)
    stepper->step(model->vocabulary.idOf(c));
  return stepper;
}

// Two-pass Pearson r, the textbook definition.
double referenceR(const Values &x, const Values &y) {
  double mx = 0, my = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    mx += x[k];
    my += y[k];
  }
  mx /= double(x.size());
  my /= double(y.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) * (x[k] - mx);
    syy += (y[k] - my) * (y[k] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// A trace of H = 3 whose c values are given per step (rows), other quantities zero.
Trace handTrace(const std::vector<std::array<float, 3>> &rows) {
  ModelConfig config;
  config.vocabSize = 2;
  config.hiddenSize = 3;
  Trace trace(config, 1);
  const std::array<float, 3> zeros{};
  for (const auto &row : rows) {
    std::array<const float *, kQuantityCount> pointers{};
    pointers.fill(zeros.data());
    pointers[std::size_t(Quantity::Cell)] = row.data();
    pointers[std::size_t(Quantity::InputGate)] = row.data();
    trace.append(Trace::StepValues{}, {pointers});
  }
  return trace;
}

} // namespace

Q_DECLARE_METATYPE(lstm::TextFeature)

class TestUnitDiscovery : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void featureIds() {
    for (TextFeature f : kTextFeatures) {
      TextFeature parsed = TextFeature::Regex == f ? TextFeature::BracketDepth : TextFeature::Regex;
      QVERIFY(parseTextFeature(QString::fromLatin1(featureId(f)), parsed));
      QCOMPARE(parsed, f);
    }
    QCOMPARE(QString::fromLatin1(featureId(TextFeature::LinePosition)), QStringLiteral("line-position"));
    TextFeature untouched = TextFeature::Punctuation;
    QVERIFY(!parseTextFeature(QStringLiteral("depth"), untouched));
    QCOMPARE(untouched, TextFeature::Punctuation);
  }

  void features_data() {
    QTest::addColumn<TextFeature>("feature");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<Values>("expected");
    const QString none;
    QTest::newRow("depth") << TextFeature::BracketDepth << QStringLiteral("(a[b)}\n)(") << none
                           << Values{1, 1, 2, 2, 1, 0, 0, 0, 1};
    QTest::newRow("quotes") << TextFeature::InsideQuotes << QStringLiteral("a \"b c\" \"d\ne") << none
                            << Values{0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0};
    QTest::newRow("line position") << TextFeature::LinePosition << QStringLiteral("ab\ncd \n\ne") << none
                                   << Values{1, 2, 0, 1, 2, 3, 0, 0, 1};
    QTest::newRow("since space") << TextFeature::SinceSpace << QStringLiteral("ab c\nde  f") << none
                                 << Values{1, 2, 0, 1, 0, 1, 2, 0, 0, 1};
    QTest::newRow("punctuation") << TextFeature::Punctuation << QStringLiteral("a,b.!+$ 春，眠。「」")
                                 << none << Values{0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1};
    QTest::newRow("a minus b") << TextFeature::AMinusB << QStringLiteral("aab\nabb\nbca") << none
                               << Values{1, 2, 1, 0, 1, 0, -1, 0, -1, -1, 0};
    QTest::newRow("regex") << TextFeature::Regex << QStringLiteral("xabbbyab a") << QStringLiteral("ab+")
                           << Values{0, 1, 1, 1, 1, 0, 1, 1, 0, 0};
    QTest::newRow("regex words") << TextFeature::Regex << QStringLiteral("the cat\nsat") << QStringLiteral("\\bc\\w+")
                                 << Values{0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0};
    QTest::newRow("regex CJK") << TextFeature::Regex << QStringLiteral("春眠不觉晓，处处") << QStringLiteral("\\w+")
                               << Values{1, 1, 1, 1, 1, 0, 1, 1};
    // U+1F600 takes two UTF-16 units: the match offsets must map back to code points.
    QTest::newRow("regex astral") << TextFeature::Regex << QStringLiteral("a\U0001F600b\U0001F600c")
                                  << QStringLiteral("\U0001F600c") << Values{0, 0, 0, 1, 1};
    QTest::newRow("regex empty matches") << TextFeature::Regex << QStringLiteral("abc") << QStringLiteral("x*")
                                         << Values{0, 0, 0};
    QTest::newRow("empty text") << TextFeature::BracketDepth << QString() << none << Values{};
  }

  void features() {
    QFETCH(TextFeature, feature);
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(Values, expected);
    Problem problem(ProblemCode::CsvEmpty); // stale: a success resets it
    const Values values = computeTextFeature(feature, text.toStdU32String(), pattern, &problem);
    QCOMPARE(values, expected);
    QVERIFY(!problem.isSet());
  }

  void invalidRegex() {
    Problem problem;
    const Values values = computeTextFeature(TextFeature::Regex, U"a(b", QStringLiteral("a(b"), &problem);
    QVERIFY(values.empty());
    const QString sentence = lstm::test::english(problem);
    QVERIFY2(sentence.startsWith(QStringLiteral("invalid regular expression \"a(b\" at character ")), qPrintable(sentence));
    QVERIFY(computeTextFeature(TextFeature::Regex, U"abc", QStringLiteral("[")).empty()); // no error pointer
  }

  void pearsonMatchesReference() {
    const Trace trace = handTrace({{1, 5, 2}, {2, 5, 0}, {4, 5, 1}, {3, 5, 7}, {6, 5, 2}});
    const Values feature{0, 1, 2, 2, 5};
    const auto scores = rankUnits(trace, 0, Quantity::Cell, feature);
    QCOMPARE(scores.size(), std::size_t(3));
    const double r0 = referenceR({1, 2, 4, 3, 6}, feature), r2 = referenceR({2, 0, 1, 7, 2}, feature);
    QVERIFY(std::abs(r0) > std::abs(r2));
    QCOMPARE(scores[0].unit, 0);
    QVERIFY(std::abs(scores[0].correlation - r0) < 1e-12);
    QCOMPARE(scores[1].unit, 2);
    QVERIFY(std::abs(scores[1].correlation - r2) < 1e-12);
    QCOMPARE(scores[2].unit, 1); // constant unit: r = 0, last
    QCOMPARE(scores[2].correlation, 0.0);

    // A negative r ranks by its magnitude.
    const Values falling{5, 4, 2, 3, 0};
    const auto negative = rankUnits(trace, 0, Quantity::Cell, falling);
    QCOMPARE(negative[0].unit, 0);
    QVERIFY(std::abs(negative[0].correlation - referenceR({1, 2, 4, 3, 6}, falling)) < 1e-12);
    QVERIFY(negative[0].correlation < -0.9);
  }

  void rangeAndEdgeCases() {
    const Trace trace = handTrace({{9, 0, 0}, {1, 0, 1}, {2, 0, 1}, {3, 1, 0}, {4, 1, 1}});
    // firstStep skips step 0; the feature is shorter than the trace, so steps 1…3 only.
    const auto scores = rankUnits(trace, 0, Quantity::Cell, Values{100, 1, 2, 3}, 1);
    QCOMPARE(scores[0].unit, 0);
    QVERIFY(std::abs(scores[0].correlation - 1.0) < 1e-12);
    // Units 1 (0, 0, 1) and 2 (1, 1, 0) mirror each other: r = ±√3/2 exactly, a tie broken by unit index.
    QCOMPARE(scores[1].unit, 1);
    QVERIFY(std::abs(scores[1].correlation - std::sqrt(0.75)) < 1e-12);
    QCOMPARE(scores[2].correlation, -scores[1].correlation);
    QCOMPARE(scores[2].unit, 2);
    // Constant feature, empty range, bad layer.
    for (const auto &s : rankUnits(trace, 0, Quantity::Cell, Values(5, 3.0)))
      QCOMPARE(s.correlation, 0.0);
    const auto empty = rankUnits(trace, 0, Quantity::Cell, Values{});
    QCOMPARE(empty.size(), std::size_t(3));
    for (std::size_t k = 0; k < empty.size(); ++k) {
      QCOMPARE(empty[k].unit, int(k));
      QCOMPARE(empty[k].correlation, 0.0);
      QCOMPARE(empty[k].highFraction, 0.0);
    }
    QVERIFY(rankUnits(trace, 1, Quantity::Cell, Values(5, 1.0)).empty());
    QVERIFY(saturationFractions(trace, -1, Quantity::Cell).empty());
    // Fractions: unit 0 has 4 of 5 values > 0.9 and none < 0.1; unit 1 has 3 < 0.1 (the zeros) and 2 > 0.9.
    const auto fractions = saturationFractions(trace, 0, Quantity::InputGate);
    QCOMPARE(fractions[0].highFraction, 1.0);
    QCOMPARE(fractions[0].lowFraction, 0.0);
    QCOMPARE(fractions[1].lowFraction, 0.6);
    QCOMPARE(fractions[1].highFraction, 0.4);
    QCOMPARE(saturationFractions(trace, 0, Quantity::InputGate, 3)[0].highFraction, 1.0);
  }

  void findsTheBracketCounter() {
    const std::u32string text = bracketText(60);
    const auto stepper = readText(bracketCounterModel(), text);
    const Values depth = computeTextFeature(TextFeature::BracketDepth, text);
    QCOMPARE(stepper->trace().steps(), int(depth.size()));
    const auto scores = rankUnits(stepper->trace(), 0, Quantity::Cell, depth);
    QCOMPARE(scores.size(), std::size_t(4));
    QCOMPARE(scores[0].unit, kCounter);
    QVERIFY2(scores[0].correlation >= 0.99, qPrintable(QString::number(scores[0].correlation)));
    for (std::size_t k = 1; k < scores.size(); ++k)
      QVERIFY2(std::abs(scores[k].correlation) < 0.9, qPrintable(QString::number(scores[k].correlation)));
    // The same counter seen through h = o·tanh(c) still ranks first, and a constant feature ranks nothing.
    QCOMPARE(rankUnits(stepper->trace(), 0, Quantity::Hidden, depth)[0].unit, kCounter);
    for (const auto &s : rankUnits(stepper->trace(), 0, Quantity::Cell, Values(depth.size(), 1.0)))
      QCOMPARE(s.correlation, 0.0);
    // Large weights saturate tanh (c no longer linear in depth) but the counter still ranks first.
    const auto saturated = readText(bracketCounterModel(3.0f), text);
    QCOMPARE(rankUnits(saturated->trace(), 0, Quantity::Cell, depth)[0].unit, kCounter);
  }

  void saturationOfForcedGates() {
    const std::u32string text = bracketText(20);
    const auto stepper = readText(bracketCounterModel(), text);
    const Trace &trace = stepper->trace();
    for (Quantity gate : {Quantity::InputGate, Quantity::ForgetGate}) {
      const auto fractions = saturationFractions(trace, 0, gate);
      QCOMPARE(fractions[kCounter].highFraction, 1.0);
      QCOMPARE(fractions[kCounter].lowFraction, 0.0);
    }
    const auto output = saturationFractions(trace, 0, Quantity::OutputGate);
    QCOMPARE(output[kClosed].lowFraction, 1.0);
    QCOMPARE(output[kClosed].highFraction, 0.0);
    // rankUnits reports the same fractions, whatever the feature.
    const Values depth = computeTextFeature(TextFeature::BracketDepth, text);
    for (const auto &s : rankUnits(trace, 0, Quantity::OutputGate, depth)) {
      QCOMPARE(s.lowFraction, output[std::size_t(s.unit)].lowFraction);
      QCOMPARE(s.highFraction, output[std::size_t(s.unit)].highFraction);
    }
  }
};

QTEST_GUILESS_MAIN(TestUnitDiscovery)
#include "tst_unit_discovery.moc"
