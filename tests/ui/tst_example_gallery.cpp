// Example gallery: example files found and sorted, bad ones reported by path, the dialog lists
// titles, describes the selected one safely and returns it on Open or double-click, an empty gallery cannot
// open, and opening an example primes the session and selects the lesson's unit (or refuses a bad primer).
#include "common/problem_text.h"
#include "explorer/explorer_session.h"
#include "gallery/example_gallery.h"
#include "gallery/example_gallery_dialog.h"
#include "io/model_file.h"
#include "io/model_metadata.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lstm;
using test::child;

namespace {

const QString kBracketAlphabet = QStringLiteral("()[]{} abcdefghij\n");

ExampleLesson lesson(const QString &title, const QString &summary, const QString &primer, int layer, int unit,
                     Quantity quantity) {
  ExampleLesson out;
  out.title = title;
  out.summary = summary;
  out.primer = primer;
  out.layer = layer;
  out.unit = unit;
  out.quantity = quantity;
  return out;
}

// A copy of `base` carrying `lesson` (and `training` when given).
std::shared_ptr<const Model> withLesson(const std::shared_ptr<const Model> &base, const ExampleLesson &lesson,
                                        const std::optional<TrainingRecord> &training = std::nullopt) {
  auto model = std::make_shared<Model>(*base);
  ModelMetadata metadata = readMetadata(model->metadata);
  metadata.lesson = lesson;
  metadata.training = training;
  model->metadata = toJson(metadata);
  return model;
}

TrainingRecord trainingRecord(const QString &corpus, double bestLoss) {
  TrainingRecord training;
  training.corpus = corpus;
  training.corpusCharacters = 1200000;
  training.iterations = 20000;
  training.bestValidationLoss = bestLoss;
  training.bestIteration = 18500;
  training.unigramBaseline = 3.12;
  training.bigramBaseline = 2.47;
  return training;
}

std::shared_ptr<const Model> seriesModel() {
  auto model = std::make_shared<Model>();
  model->config.input = InputKind::Dense;
  model->config.head = HeadKind::Regression;
  model->config.inputSize = 1;
  model->config.outputSize = 1;
  model->config.hiddenSize = 8;
  model->config.numLayers = 2;
  model->parameters = Parameters<float>(model->config);
  ModelMetadata metadata;
  metadata.series = SeriesRecord{};
  metadata.series->scaling = SeriesScaling{11.5, 6.25};
  metadata.series->column = QStringLiteral("temperature");
  metadata.series->source = QStringLiteral("daily-min-temperatures.csv");
  model->metadata = toJson(metadata);
  return model;
}

ExampleEntry entry(const QString &path, std::shared_ptr<const Model> model) {
  return {path, model, *ExampleLesson::of(*model)};
}

// The three examples of the screenshot: brackets, aⁿbⁿ and Tang poems (Chinese text in title, summary and primer).
std::vector<ExampleEntry> realisticEntries() {
  const auto brackets = withLesson(
      test::randomCharModel(kBracketAlphabet, 64, 1, 1),
      [] {
        auto l = lesson(QStringLiteral("Counting brackets"),
                        QStringLiteral("One unit's cell state climbs by a step at every opening bracket and falls at "
                                       "every closing one: it counts how deep the text is nested. Watch its colour "
                                       "in the text view and its line in the unit trace."),
                        QStringLiteral("(a(b)c)\n((d))\n(((e)f)g)\n"), 0, 17, Quantity::Cell);
        l.feature = QStringLiteral("bracket-depth");
        l.correlation = 0.97;
        l.command = QStringLiteral("lstm-explorer-cli train --corpus brackets.txt --hidden 64 --iterations 20000 "
                                   "--lesson brackets-lesson.json --out 01-brackets.lstm");
        return l;
      }(),
      trainingRecord(QStringLiteral("brackets.txt"), 0.412));
  const auto anbn = withLesson(test::randomCharModel(QStringLiteral("ab\n"), 16, 1, 2),
                               lesson(QStringLiteral("Counting aⁿbⁿ"),
                                      QStringLiteral("The network must know when the b's end: a unit counts up over "
                                                     "the a's and down over the b's."),
                                      QStringLiteral("aaabbb\naabb\n"), 0, 3, Quantity::Hidden));
  auto poemsLesson = lesson(QStringLiteral("Tang poems 唐诗"),
                            QStringLiteral("Five characters a line: a unit in layer 1 fires at every line's end "
                                           "(春眠不觉晓，处处闻啼鸟。) and the forget gate resets there."),
                            QStringLiteral("春眠不觉晓"), 1, 5, Quantity::ForgetGate);
  poemsLesson.command = QStringLiteral("lstm-explorer-cli train --corpus tang.txt --layers 2 --hidden 128");
  const auto poems = withLesson(test::randomCharModel(test::kTestAlphabet, 32, 2, 3), poemsLesson,
                                trainingRecord(QStringLiteral("tang.txt"), 5.03));
  return {entry(QStringLiteral(":/models/examples/01-brackets.lstm"), brackets),
          entry(QStringLiteral(":/models/examples/02-anbn.lstm"), anbn),
          entry(QStringLiteral(":/models/examples/03-tang.lstm"), poems)};
}

void clickItem(QListWidget *list, int row) {
  const QRect rect = list->visualItemRect(list->item(row));
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestExampleGallery : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void findsLstmFilesSortedByName() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"02-anbn.lstm", "01-brackets.lstm", "notes.txt", "10-tang.lstm"})
      QVERIFY(test::writeFile(dir.filePath(QLatin1String(name)), "x"));
    QCOMPARE(examplePaths(dir.path()),
             QStringList({dir.filePath(QStringLiteral("01-brackets.lstm")), dir.filePath(QStringLiteral("02-anbn.lstm")),
                          dir.filePath(QStringLiteral("10-tang.lstm"))}));
    QVERIFY(examplePaths(dir.filePath(QStringLiteral("missing"))).isEmpty());
    for (const QString &path : builtInExamplePaths()) // may be empty while the models are being trained
      QVERIFY2(path.startsWith(QStringLiteral(":/models/examples/")) && path.endsWith(QStringLiteral(".lstm")),
               qPrintable(path));
  }

  void loadsValidFilesAndReportsBadOnesByPath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto entries = realisticEntries();
    const QString first = dir.filePath(QStringLiteral("01-brackets.lstm")),
                  second = dir.filePath(QStringLiteral("02-anbn.lstm")),
                  corrupt = dir.filePath(QStringLiteral("03-corrupt.lstm")),
                  noLesson = dir.filePath(QStringLiteral("04-plain.lstm")),
                  outside = dir.filePath(QStringLiteral("05-outside.lstm"));
    Problem error;
    QVERIFY2(saveModel(*entries[0].model, first, &error), qPrintable(problemText(error)));
    QVERIFY2(saveModel(*entries[1].model, second, &error), qPrintable(problemText(error)));
    QVERIFY(test::writeFile(corrupt, QByteArray("LSTMXPLR garbage that is not a model")));
    QVERIFY2(saveModel(*test::randomCharModel(kBracketAlphabet, 8), noLesson, &error), qPrintable(problemText(error)));
    const auto tooFar = withLesson(test::randomCharModel(kBracketAlphabet, 8),
                                   lesson(QStringLiteral("Too far"), {}, {}, 0, 8, Quantity::Cell));
    QVERIFY2(saveModel(*tooFar, outside, &error), qPrintable(problemText(error)));

    QStringList problems;
    const auto loaded = loadExamples(examplePaths(dir.path()), &problems);
    QCOMPARE(int(loaded.size()), 2);
    QCOMPARE(loaded[0].path, first);
    QCOMPARE(loaded[0].lesson.title, QStringLiteral("Counting brackets"));
    QCOMPARE(loaded[0].lesson.unit, 17);
    QCOMPARE(loaded[1].path, second);
    QCOMPARE(loaded[1].lesson.title, QStringLiteral("Counting aⁿbⁿ"));
    QCOMPARE(loaded[1].model->config.hiddenSize, 16);
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems[0].startsWith(corrupt + QStringLiteral(": ")), qPrintable(problems[0]));
    QVERIFY2(problems[1].startsWith(noLesson + QStringLiteral(": ")) && problems[1].contains(QStringLiteral("lesson")),
             qPrintable(problems[1]));
    QVERIFY2(problems[2].startsWith(outside + QStringLiteral(": ")) && problems[2].contains(QStringLiteral("outside")),
             qPrintable(problems[2]));
    QVERIFY(loadExamples({}, nullptr).empty());
  }

  void listsTitlesAndDescribesTheSelection() {
    ExampleGalleryDialog dialog(realisticEntries());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.objectName(), QStringLiteral("exampleGalleryDialog"));
    auto *list = child<QListWidget>(&dialog, "exampleList");
    auto *description = child<QTextBrowser>(&dialog, "exampleDescription");
    auto *open = child<QPushButton>(&dialog, "exampleOpenButton");
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Counting brackets"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("Counting aⁿbⁿ"));
    QCOMPARE(list->item(2)->text(), QStringLiteral("Tang poems 唐诗"));
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(open->isEnabled());
    QVERIFY(open->isDefault());

    const QString first = description->toPlainText();
    QVERIFY2(first.contains(QStringLiteral("Select: layer 0, unit 17, cell state c")), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral("bracket-depth")));
    QVERIFY(first.contains(QStringLiteral("1 layer × 64 units")));
    QVERIFY(first.contains(QStringLiteral("18 characters")));
    QVERIFY(first.contains(QStringLiteral("brackets.txt")));
    QVERIFY(first.contains(QStringLiteral("0.412")));
    QVERIFY(first.contains(QStringLiteral("--lesson brackets-lesson.json")));

    clickItem(list, 1);
    QCOMPARE(dialog.currentIndex(), 1);
    const QString second = description->toPlainText();
    QVERIFY2(second.contains(QStringLiteral("a unit counts up over the a's")), qPrintable(second));
    QVERIFY(second.contains(QStringLiteral("Select: layer 0, unit 3, hidden state h")));
    QVERIFY(!second.contains(QStringLiteral("Trained"))); // no training record in this one

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.chosen().has_value());
    QCOMPARE(dialog.chosen()->path, QStringLiteral(":/models/examples/02-anbn.lstm"));
    QCOMPARE(dialog.chosen()->lesson.title, QStringLiteral("Counting aⁿbⁿ"));
  }

  void doubleClickOpens() {
    ExampleGalleryDialog dialog(realisticEntries());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListWidget>(&dialog, "exampleList");
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    const QPoint at = list->visualItemRect(list->item(2)).center();
    // A real double-click is press, release, double-click, release; QTest::mouseDClick sends only the latter.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(accepted.count(), 0);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(dialog.chosen().has_value());
    QCOMPARE(dialog.chosen()->path, QStringLiteral(":/models/examples/03-tang.lstm"));
  }

  void cancelChoosesNothing() {
    ExampleGalleryDialog dialog(realisticEntries());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::mouseClick(child<QPushButton>(&dialog, "exampleCancelButton"), Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog.chosen().has_value());
  }

  void emptyGalleryCannotOpen() {
    ExampleGalleryDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *open = child<QPushButton>(&dialog, "exampleOpenButton");
    QVERIFY(!open->isEnabled());
    QCOMPARE(child<QListWidget>(&dialog, "exampleList")->count(), 0);
    QCOMPARE(dialog.currentIndex(), -1);
    QVERIFY(child<QTextBrowser>(&dialog, "exampleDescription")->toPlainText().contains(QStringLiteral("No examples are installed")));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(!dialog.chosen().has_value());
    test::savePng(dialog, QStringLiteral("example_gallery_dialog_empty.png"));
  }

  void fileTextIsEscaped() {
    auto model = withLesson(test::randomCharModel(kBracketAlphabet, 8),
                            lesson(QStringLiteral("<b>bold</b> & co"), QStringLiteral("<img src=x> <a href=\"y\">z</a>"),
                                   {}, -1, -1, Quantity::Cell));
    const QString html = exampleDescriptionHtml(entry(QStringLiteral("x.lstm"), model));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt; &amp; co")));
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("<a ")));
    QVERIFY(!html.contains(QStringLiteral("Select:"))); // no unit in this lesson
  }

  void describesSeriesModels() {
    auto model = withLesson(seriesModel(), lesson(QStringLiteral("Temperatures"), QStringLiteral("Seasons."), {}, 1, 4,
                                                  Quantity::Cell));
    ExampleGalleryDialog dialog({entry(QStringLiteral("t.lstm"), model)});
    const QString text = child<QTextBrowser>(&dialog, "exampleDescription")->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("2 layers × 8 units")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("reads 1 number per step")));
    QVERIFY(text.contains(QStringLiteral("column “temperature” of daily-min-temperatures.csv")));
    QVERIFY(text.contains(QStringLiteral("mean 11.5 and standard deviation 6.25")));
    QVERIFY(!text.contains(QStringLiteral("Reads first")));
  }

  void openExamplePrimesAndSelects() {
    const auto entries = realisticEntries();
    ExplorerSession session;
    session.setModel(test::randomCharModel(test::kTestAlphabet, 8), QStringLiteral("before"));
    session.setMode(DriveMode::Write); // priming must read the primer, not sample
    QString error;
    const ExampleEntry &poems = entries[2];
    QVERIFY2(openExample(session, poems, &error), qPrintable(error));
    QCOMPARE(session.modelSource(), poems.path);
    QCOMPARE(session.sharedModel(), poems.model);
    QCOMPARE(session.tapeText(), poems.lesson.primer);
    QCOMPARE(session.steps(), int(poems.lesson.primer.toStdU32String().size()));
    QCOMPARE(session.cursor(), session.steps() - 1);
    QCOMPARE(session.mode(), DriveMode::Read);
    QCOMPARE(session.selectedLayer(), 1);
    QCOMPARE(session.selectedUnit(), 5);
    QCOMPARE(session.selectedQuantity(), Quantity::ForgetGate);
    QCOMPARE(session.tracedUnits(), std::vector<int>{5});

    const ExampleEntry &brackets = entries[0];
    QVERIFY2(openExample(session, brackets, &error), qPrintable(error));
    QCOMPARE(session.tapeText(), brackets.lesson.primer);
    QCOMPARE(session.steps(), int(brackets.lesson.primer.size()));
    QCOMPARE(session.selectedLayer(), 0);
    QCOMPARE(session.selectedUnit(), 17);
    QCOMPARE(session.selectedQuantity(), Quantity::Cell);
    QCOMPARE(session.tracedUnits(), std::vector<int>{17});
  }

  void openExampleSeriesSelectsOnly() {
    auto model = withLesson(seriesModel(), lesson(QStringLiteral("Temperatures"), {}, QStringLiteral("ignored"), 1, 4,
                                                  Quantity::Hidden));
    ExplorerSession session;
    QString error;
    QVERIFY2(openExample(session, entry(QStringLiteral("t.lstm"), model), &error), qPrintable(error));
    QVERIFY(session.hasModel());
    QCOMPARE(session.steps(), 0);
    QCOMPARE(session.cursor(), -1);
    QCOMPARE(session.selectedLayer(), 1);
    QCOMPARE(session.selectedUnit(), 4);
    QCOMPARE(session.selectedQuantity(), Quantity::Hidden);
  }

  void openExampleRefusesPrimerOutsideVocabulary() {
    const auto good = realisticEntries();
    auto bad = withLesson(test::randomCharModel(kBracketAlphabet, 8),
                          lesson(QStringLiteral("Bad"), {}, QStringLiteral("(a)\n(z)"), 0, 2, Quantity::Cell));
    ExplorerSession session;
    QString error;
    QVERIFY2(openExample(session, good[1], &error), qPrintable(error));
    const int stepsBefore = session.steps();

    error.clear();
    QVERIFY(!openExample(session, entry(QStringLiteral("bad.lstm"), bad), &error));
    QVERIFY2(error.contains(QStringLiteral("'z'")) && error.contains(QStringLiteral("vocabulary")), qPrintable(error));
    // Nothing changed, and the session still works.
    QCOMPARE(session.modelSource(), good[1].path);
    QCOMPARE(session.steps(), stepsBefore);
    QCOMPARE(session.tapeText(), good[1].lesson.primer);
    QVERIFY(session.stepBack());
    QCOMPARE(session.steps(), stepsBefore - 1);
    QVERIFY2(openExample(session, good[0], &error), qPrintable(error));
    QCOMPARE(session.selectedUnit(), 17);

    ExampleEntry empty;
    QVERIFY(!openExample(session, empty, &error));
    QVERIFY(session.hasModel());
  }

  void screenshot() {
    ExampleGalleryDialog dialog(realisticEntries());
    dialog.resize(760, 480);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    clickItem(child<QListWidget>(&dialog, "exampleList"), 0);
    test::savePng(dialog, QStringLiteral("example_gallery_dialog.png"));
    clickItem(child<QListWidget>(&dialog, "exampleList"), 2);
    test::savePng(dialog, QStringLiteral("example_gallery_dialog_cjk.png"));
  }
};

QTEST_MAIN(TestExampleGallery)
#include "tst_example_gallery.moc"
