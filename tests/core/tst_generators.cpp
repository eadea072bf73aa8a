// The task generators (core/data/generators.h): determinism per seed for all of them, the numeric
// tasks against their formulas, Mackey–Glass against a reference loop and values from an independent Python
// integration, and refusals of impossible options. The text tasks' languages: tst_text_generators.cpp.
#include "data/generators.h"
#include "english_problem.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace lstm;

namespace {

std::vector<double> asNumbers(const std::u32string &text) { return {text.begin(), text.end()}; }

// Every generator with default options flattened to numbers, so one data-driven test covers them all.
std::vector<double> run(const QString &id, std::uint64_t seed) {
  BracketOptions filler;
  filler.fillerProbability = 0.5;
  SineOptions noisy; // everything given: only the noise comes from the seed
  noisy.frequencies = {0.01, 0.02, 0.03};
  noisy.amplitudes = {1, 1, 1};
  noisy.phases = {0, 0, 0};
  noisy.noise = 0.1;
  if (id == u"brackets") return asNumbers(generateBrackets({}, seed));
  if (id == u"brackets-filler") return asNumbers(generateBrackets(filler, seed));
  if (id == u"quotes") return asNumbers(generateQuotes({}, seed));
  if (id == u"reber") return asNumbers(generateEmbeddedReber({}, seed));
  if (id == u"anbn") return asNumbers(generateAnbn({}, seed));
  if (id == u"copy") return asNumbers(generateCopy({}, seed));
  if (id == u"adding") {
    AddingProblem p = generateAdding({}, seed);
    p.values.insert(p.values.end(), p.markers.begin(), p.markers.end());
    return p.values;
  }
  if (id == u"sines") return generateSines({}, seed).values;
  if (id == u"sines-noisy") return generateSines(noisy, seed).values;
  if (id == u"seasonal") return generateSeasonal({}, seed).values;
  if (id == u"mackey-glass") return generateMackeyGlass({}, seed).values;
  return {};
}

double autocorrelation(const std::vector<double> &x, std::size_t lag) {
  double mean = 0.0;
  for (double v : x) mean += v / double(x.size());
  double numerator = 0.0, denominator = 0.0;
  for (std::size_t t = 0; t < x.size(); ++t) {
    denominator += (x[t] - mean) * (x[t] - mean);
    if (t + lag < x.size()) numerator += (x[t] - mean) * (x[t + lag] - mean);
  }
  return numerator / denominator;
}

} // namespace

class TestGenerators : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void deterministicPerSeed_data();
  void deterministicPerSeed();
  void adding();
  void sinesMatchFormula();
  void seasonalDecomposes();
  void mackeyGlass();
  void refusesImpossibleOptions_data();
  void refusesImpossibleOptions();
  void defaultOptionsAreUsable();
};

void TestGenerators::deterministicPerSeed_data() {
  QTest::addColumn<QString>("id");
  for (const char *id : {"brackets", "brackets-filler", "quotes", "reber", "anbn", "copy", "adding", "sines",
                         "sines-noisy", "seasonal", "mackey-glass"})
    QTest::newRow(id) << QString::fromLatin1(id);
}

void TestGenerators::deterministicPerSeed() {
  QFETCH(QString, id);
  const std::vector<double> a = run(id, 7), b = run(id, 7), c = run(id, 8);
  QVERIFY(!a.empty());
  QVERIFY(a == b);
  QVERIFY(a != c);
}

void TestGenerators::adding() {
  AddingOptions o;
  o.examples = 200;
  o.length = 31;
  const AddingProblem p = generateAdding(o, 4);
  QCOMPARE(p.values.size(), std::size_t(200 * 31));
  QCOMPARE(p.markers.size(), p.values.size());
  QCOMPARE(p.targets.size(), std::size_t(200));
  for (int n = 0; n < p.examples; ++n) {
    double sum = 0.0;
    int firstHalf = 0, secondHalf = 0;
    for (int t = 0; t < p.length; ++t) {
      const double value = p.values[std::size_t(n * p.length + t)], marker = p.markers[std::size_t(n * p.length + t)];
      QVERIFY(value >= 0.0 && value < 1.0);
      QVERIFY(marker == 0.0 || marker == 1.0);
      sum += marker * value;
      (t < p.length / 2 ? firstHalf : secondHalf) += int(marker);
    }
    QCOMPARE(firstHalf, 1);
    QCOMPARE(secondHalf, 1);
    QCOMPARE(p.targets[std::size_t(n)], sum);
  }
}

void TestGenerators::sinesMatchFormula() {
  SineOptions given;
  given.length = 500;
  given.components = 2;
  given.frequencies = {0.01, 0.13};
  given.amplitudes = {1.5, -0.25};
  given.phases = {0.3, 2.0};
  SineOptions drawn;
  drawn.components = 4;
  for (const SineOptions &o : {given, drawn}) {
    const SineMixture m = generateSines(o, 21);
    QCOMPARE(m.frequencies.size(), std::size_t(o.components));
    for (std::size_t k = 0; k < m.frequencies.size(); ++k) {
      QVERIFY(m.frequencies[k] >= o.minFrequency || !o.frequencies.empty());
      QVERIFY(m.phases[k] >= 0.0 || !o.phases.empty());
    }
    for (int t = 0; t < o.length; ++t) {
      double expected = 0.0;
      for (std::size_t k = 0; k < m.frequencies.size(); ++k)
        expected += m.amplitudes[k] * std::sin(2.0 * std::numbers::pi * m.frequencies[k] * double(t) + m.phases[k]);
      QVERIFY(std::abs(m.values[std::size_t(t)] - expected) < 1e-12);
    }
  }
  QCOMPARE(generateSines(given, 1).values, generateSines(given, 2).values); // nothing left to draw
  given.length = 20000;
  SineOptions noisy = given;
  noisy.noise = 0.5;
  const SineMixture clean = generateSines(given, 3), withNoise = generateSines(noisy, 3);
  double squares = 0.0;
  for (std::size_t t = 0; t < clean.values.size(); ++t)
    squares += std::pow(withNoise.values[t] - clean.values[t], 2);
  QVERIFY(std::abs(std::sqrt(squares / 20000.0) - 0.5) < 0.02);
}

void TestGenerators::seasonalDecomposes() {
  SeasonalOptions o;
  o.length = 12000;
  o.period = 7;
  o.level = 3.0;
  o.slope = -0.002;
  o.seasonalAmplitude = 2.0;
  o.noise = 0.3;
  const SeasonalSeries s = generateSeasonal(o, 17);
  double seasonMean = 0.0, peak = 0.0, squares = 0.0;
  for (std::size_t t = 0; t < s.values.size(); ++t) {
    QCOMPARE(s.trend[t], o.level + o.slope * double(t));
    if (t >= 7) {
      QCOMPARE(s.seasonal[t], s.seasonal[t - 7]);
    } else {
      seasonMean += s.seasonal[t] / 7.0;
      peak = std::max(peak, std::abs(s.seasonal[t]));
    }
    squares += std::pow(s.values[t] - s.trend[t] - s.seasonal[t], 2);
  }
  QVERIFY(std::abs(seasonMean) < 1e-12);
  QVERIFY(std::abs(peak - 2.0) < 1e-12);
  QVERIFY(std::abs(std::sqrt(squares / 12000.0) - 0.3) < 0.01);
  o.noise = 0.0;
  const SeasonalSeries quiet = generateSeasonal(o, 17);
  for (std::size_t t = 0; t < quiet.values.size(); ++t)
    QCOMPARE(quiet.values[t], quiet.trend[t] + quiet.seasonal[t]);
}

void TestGenerators::mackeyGlass() {
  // Classic constant history 1.2 (no jitter), no burn-in: compare with a plain reference loop over the whole grid.
  MackeyGlassOptions o;
  o.initialJitter = 0.0;
  o.burnIn = 0;
  o.length = 1001;
  const std::vector<double> x = generateMackeyGlass(o, 0).values;
  QCOMPARE(x.size(), std::size_t(1001));
  const int D = 170;
  const double h = 0.1;
  std::vector<double> grid(D + 1, 1.2); // grid[i] = x((i − D)·h)
  const auto f = [](double now, double delayed) { return 0.2 * delayed / (1.0 + std::pow(delayed, 10.0)) - 0.1 * now; };
  for (int k = 0; k < 1000 * 10; ++k) {
    const double now = grid.back(), a = grid[std::size_t(k)], b = grid[std::size_t(k) + 1], m = (a + b) / 2;
    const double k1 = f(now, a), k2 = f(now + h / 2 * k1, m), k3 = f(now + h / 2 * k2, m), k4 = f(now + h * k3, b);
    grid.push_back(now + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4));
  }
  for (std::size_t t = 0; t < x.size(); ++t)
    QVERIFY2(std::abs(x[t] - grid[std::size_t(D) + 10 * t]) < 1e-12, qPrintable(QString::number(t)));
  // Values from an independent Python integration of the same scheme (and a 10× finer step agrees to ~1e-5 at
  // t = 100, so the scheme itself is accurate).
  const std::vector<std::pair<std::size_t, double>> python{
      {1, 1.1175622107750187}, {17, 0.4919720967329632}, {50, 1.0609707334631187}, {100, 1.0137275309251268},
      {500, 1.063751978498454}, {1000, 0.9464266566011424}};
  for (const auto &[t, value] : python)
    QVERIFY2(std::abs(x[t] - value) < 1e-9, qPrintable(QString::number(t)));
  // Burn-in drops whole time units: the same trajectory shifted.
  o.burnIn = 300;
  o.length = 200;
  const std::vector<double> shifted = generateMackeyGlass(o, 0).values;
  for (std::size_t t = 0; t < shifted.size(); ++t)
    QCOMPARE(shifted[t], x[300 + t]);
  // Default (seeded history, burn-in): bounded and chaotic rather than periodic.
  MackeyGlassOptions defaults;
  defaults.length = 5000;
  const std::vector<double> series = generateMackeyGlass(defaults, 12).values;
  for (double v : series)
    QVERIFY(v > 0.0 && v < 2.0);
  // τ = 17 is quasi-periodic near 50 units (r ≈ 0.7 there, where a periodic series would give ≈ 1), so the
  // stronger checks are that no lag up to 1000 repeats the series and that a 1e-9 change of history grows to
  // order one (positive Lyapunov exponent, about 0.007 per unit).
  const double r50 = autocorrelation(series, 50);
  QVERIFY2(r50 < 0.85, qPrintable(QString::number(r50)));
  QVERIFY(autocorrelation(series, 1) > 0.9); // smooth at one unit: the checks here are not just about noise
  double closest = 1.0;
  for (std::size_t lag = 1; lag <= 1000; ++lag) {
    double difference = 0.0;
    for (std::size_t t = 0; t + lag < series.size(); ++t)
      difference += std::abs(series[t + lag] - series[t]) / double(series.size() - lag);
    closest = std::min(closest, difference);
  }
  QVERIFY2(closest > 0.01, qPrintable(QString::number(closest)));
  MackeyGlassOptions nudged = o;
  nudged.burnIn = 0;
  nudged.length = 4000;
  const std::vector<double> reference = generateMackeyGlass(nudged, 0).values;
  nudged.initial += 1e-9;
  const std::vector<double> diverged = generateMackeyGlass(nudged, 0).values;
  QVERIFY(std::abs(reference[100] - diverged[100]) < 1e-6);
  double spread = 0.0;
  for (std::size_t t = 3000; t < 4000; ++t)
    spread = std::max(spread, std::abs(reference[t] - diverged[t]));
  QVERIFY2(spread > 0.1, qPrintable(QString::number(spread)));
}

void TestGenerators::refusesImpossibleOptions_data() {
  QTest::addColumn<bool>("usable");
  QTest::addColumn<QString>("problem");
  QTest::addColumn<QString>("phrase");
  const auto row = [](const char *name, const auto &options, const char *phrase) {
    Problem problem;
    const bool usable = options.validate(&problem);
    QTest::newRow(name) << usable << test::english(problem) << QString::fromLatin1(phrase);
  };
  BracketOptions b;
  b.maxDepth = 0;
  row("brackets depth 0", b, "option maxDepth is 0");
  b = {};
  b.minLength = 10, b.maxLength = 8;
  row("brackets min > max", b, "option maxLength is 8");
  b = {};
  b.minLength = 5, b.maxLength = 5;
  row("brackets odd only", b, "even");
  b = {};
  b.kinds = 4;
  row("brackets kinds", b, "option kinds is 4");
  b = {};
  b.examples = 0;
  row("brackets no examples", b, "option examples is 0");
  QuoteOptions q;
  q.quoteProbability = 1.5;
  row("quotes probability", q, "option quoteProbability is 1.5");
  ReberOptions r;
  r.maxLength = 8;
  row("reber too short", r, "option maxLength is 8");
  AnbnOptions a;
  a.minN = 0;
  row("anbn n 0", a, "option minN is 0");
  CopyOptions c;
  c.alphabet = U"ab.";
  row("copy blank in alphabet", c, "alphabet");
  c = {};
  c.minDelay = -1;
  row("copy negative delay", c, "option minDelay is -1");
  AddingOptions add;
  add.length = 1;
  row("adding length 1", add, "option length is 1");
  SineOptions s;
  s.frequencies = {0.1};
  row("sines wrong count", s, "list frequencies has length 1");
  s = {};
  s.noise = -1.0;
  row("sines negative noise", s, "option noise is -1");
  SeasonalOptions season;
  season.period = 1;
  row("seasonal period 1", season, "option period is 1");
  MackeyGlassOptions m;
  m.tau = 17.05;
  row("mackey-glass fractional delay", m, "whole number");
  m = {};
  m.initialJitter = 2.0;
  row("mackey-glass non-positive history", m, "option initial is 1.2");
  m = {};
  m.length = 0;
  row("mackey-glass length 0", m, "option length is 0");
}

void TestGenerators::refusesImpossibleOptions() {
  QFETCH(bool, usable);
  QFETCH(QString, problem);
  QFETCH(QString, phrase);
  QVERIFY(!usable);
  QVERIFY2(problem.contains(phrase), qPrintable(problem));
  QVERIFY(problem.startsWith(u"the ")); // one sentence, to be prefixed by the caller
  QVERIFY(!problem.contains(u'\n'));
}

// The registry generates with default options (and the "parens" and "adding" ones), relying on validate() holding.
void TestGenerators::defaultOptionsAreUsable() {
  Problem problem;
  const auto usable = [&problem](const auto &options) {
    problem = {};
    return options.validate(&problem);
  };
  QVERIFY2(usable(BracketOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(parenthesesOptions()), qPrintable(test::english(problem)));
  QVERIFY2(usable(QuoteOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(ReberOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(AnbnOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(CopyOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(AddingOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(addingTextOptions()), qPrintable(test::english(problem)));
  QVERIFY2(usable(SineOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(SeasonalOptions{}), qPrintable(test::english(problem)));
  QVERIFY2(usable(MackeyGlassOptions{}), qPrintable(test::english(problem)));
  QVERIFY(!problem.isSet());
}

QTEST_GUILESS_MAIN(TestGenerators)
#include "tst_generators.moc"
