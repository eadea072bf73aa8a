// lstm-explorer: the explorer window. Argument parsing only; the window does the rest.
//   lstm-explorer [MODEL]
//   lstm-explorer --screenshot FILE [--model MODEL] [--text TEXT] [--steps N] [--size WxH] [--select L:U] [--colour Q]
//   both: [--language en|zh_CN] [--lesson FILE [--lesson-step N]] [--presentation]
#include "common/dialogs.h"
#include "common/language.h"
#include "common/quantity_style.h"
#include "explorer/explorer_session.h"
#include "explore/forecast.h"
#include "forecast/forecast_view.h"
#include "guide/first_launch_guide.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "main_window.h"
#include "opening/model_opener.h"
#include "presentation_mode.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QScreen>

#include <cstdio>

namespace {

int fail(const QString &text) {
  std::fprintf(stderr, "lstm-explorer: %s\n", qPrintable(text));
  return 1;
}

bool parseSize(const QString &text, QSize *size) {
  const auto match = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(text);
  if (!match.hasMatch())
    return false;
  *size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
  return size->width() <= 16384 && size->height() <= 16384;
}

// --lesson FILE [--lesson-step N]: opens the lesson and goes to step N; a problem is printed and ends the run.
bool startLesson(lstm::MainWindow &window, const QCommandLineParser &args) {
  bool ok = true;
  const int step = args.isSet(QStringLiteral("lesson-step")) ? args.value(QStringLiteral("lesson-step")).toInt(&ok) : 1;
  if (!window.startLesson(args.value(QStringLiteral("lesson"))))
    return fail(window.lessonPanel()->errorText()) == 0;
  lstm::LessonRunner *runner = window.lessonPanel()->runner();
  if (!ok || step < 1 || step > runner->stepCount())
    return fail(QStringLiteral("--lesson-step: expected 1…%1, got '%2'")
                    .arg(runner->stepCount()).arg(args.value(QStringLiteral("lesson-step")))) == 0;
  QString error;
  if (step > 1 && !runner->goTo(step - 1, &error))
    return fail(error) == 0;
  return true;
}

// Renders the window after the requested steps to a PNG, then exits: README screenshots and tests.
int screenshot(lstm::MainWindow &window, const QCommandLineParser &args) {
  QSize size(1600, 1000);
  if (args.isSet(QStringLiteral("size")) && !parseSize(args.value(QStringLiteral("size")), &size))
    return fail(QStringLiteral("--size: expected WIDTHxHEIGHT, e.g. 1600x1000, got '%1'").arg(args.value(QStringLiteral("size"))));
  // Problems come back as text and end the run; no modal dialog may stall a run without anyone to answer it.
  lstm::dialogs::setHooks({{}, {}, [](const QString &text) { fail(text); }});
  lstm::ModelOpener *opener = window.modelOpener();
  const QString model = args.isSet(QStringLiteral("model")) ? args.value(QStringLiteral("model"))
                        : args.positionalArguments().isEmpty() ? lstm::ModelOpener::defaultModelPath()
                                                               : args.positionalArguments().front();
  QString problem;
  if (!opener->open(model, &problem))
    return fail(problem);
  bool stepsOk = true;
  const int steps = args.isSet(QStringLiteral("steps")) ? args.value(QStringLiteral("steps")).toInt(&stepsOk) : -1;
  if (!stepsOk || (args.isSet(QStringLiteral("steps")) && steps < 0))
    return fail(QStringLiteral("--steps: expected a number ≥ 0, got '%1'").arg(args.value(QStringLiteral("steps"))));
  if (args.isSet(QStringLiteral("text")) || steps >= 0) {
    const QString text = args.isSet(QStringLiteral("text")) ? args.value(QStringLiteral("text")) : window.session()->tapeText();
    if (!opener->readText(text, steps, &problem))
      return fail(problem);
  }
  if (args.isSet(QStringLiteral("select"))) {
    const auto match = QRegularExpression(QStringLiteral("^(\\d+):(\\d+)$")).match(args.value(QStringLiteral("select")));
    const int layer = match.captured(1).toInt(), unit = match.captured(2).toInt();
    if (!match.hasMatch() || layer >= window.session()->layers() || unit >= window.session()->units())
      return fail(QStringLiteral("--select: expected LAYER:UNIT inside the model (%1 × %2), got '%3'")
                      .arg(window.session()->layers()).arg(window.session()->units()).arg(args.value(QStringLiteral("select"))));
    window.session()->selectUnit(layer, unit);
  }
  if (args.isSet(QStringLiteral("colour"))) {
    const QString name = args.value(QStringLiteral("colour"));
    bool known = false;
    for (lstm::Quantity q : lstm::kShownQuantities)
      if (name == QString::fromLatin1(lstm::toString(q))) {
        window.session()->selectQuantity(q);
        known = true;
      }
    if (!known)
      return fail(QStringLiteral("--colour: expected one of i, f, g, o, c, h, got '%1'").arg(name));
  }
  if (args.isSet(QStringLiteral("lesson")) && !startLesson(window, args))
    return 1;
  window.firstLaunchGuide()->hide(); // a picture of the views, whatever the settings of the machine it runs on
  window.resize(size);
  window.show();
  if (args.isSet(QStringLiteral("presentation")))
    window.presentationMode()->enter(); // full screen: the screen's size, not --size (use xvfb-run -s "-screen 0 WxHx24")
  QCoreApplication::processEvents(); // layout at the final size before the views draw
  if (window.session()->hasModel() && lstm::isSeriesModel(window.session()->model())) {
    // The series loads and the forecast computes on worker threads: wait for both (a few hundred ms).
    QElapsedTimer waited;
    waited.start();
    const lstm::ForecastView *forecast = window.forecastView();
    while ((forecast->multiStep().predictions.empty() || forecast->isComputing()) && waited.elapsed() < 30000)
      QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
  }
  window.flushRedraws();
  QCoreApplication::processEvents();
  const QString file = args.value(QStringLiteral("screenshot"));
  if (!window.grab().save(file, "PNG"))
    return fail(QStringLiteral("%1: could not write the image").arg(file));
  std::printf("%s: %dx%d, %d steps\n", qPrintable(file), window.width(), window.height(), window.session()->steps());
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("LSTM Explorer"));
  QCoreApplication::setApplicationName(QStringLiteral("lstm-explorer"));
  QCoreApplication::setApplicationVersion(QStringLiteral(LSTM_VERSION));

  QCommandLineParser args;
  args.setApplicationDescription(QStringLiteral("Step through an LSTM one character at a time and watch every gate."));
  args.addHelpOption();
  args.addVersionOption();
  args.addPositionalArgument(QStringLiteral("MODEL"),
                             QStringLiteral("Model file to open (default: the first lesson's bracket-counting model)."),
                             QStringLiteral("[MODEL]"));
  args.addOptions({
      {QStringLiteral("screenshot"), QStringLiteral("Render the window to this PNG file and exit."), QStringLiteral("FILE")},
      {QStringLiteral("model"), QStringLiteral("With --screenshot: the model to show."), QStringLiteral("MODEL")},
      {QStringLiteral("text"), QStringLiteral("With --screenshot: the text the model reads."), QStringLiteral("TEXT")},
      {QStringLiteral("steps"), QStringLiteral("With --screenshot: characters to read (default: all)."), QStringLiteral("N")},
      {QStringLiteral("size"), QStringLiteral("With --screenshot: window size, default 1600x1000."), QStringLiteral("WxH")},
      {QStringLiteral("select"), QStringLiteral("With --screenshot: select this layer and unit."), QStringLiteral("L:U")},
      {QStringLiteral("colour"), QStringLiteral("With --screenshot: colour the text by i, f, g, o, c or h."), QStringLiteral("Q")},
      {QStringLiteral("language"), QStringLiteral("The interface language for this run: en or zh_CN (not saved)."),
       QStringLiteral("CODE")},
      {QStringLiteral("lesson"), QStringLiteral("Start this guided lesson (a file, or :/lessons/… for a shipped one)."),
       QStringLiteral("FILE")},
      {QStringLiteral("lesson-step"), QStringLiteral("With --lesson: go to this step (1 = the first)."), QStringLiteral("N")},
      {QStringLiteral("presentation"), QStringLiteral("Start in presentation mode (full screen, large fonts).")},
  });
  args.process(app);
  // Before any widget exists, so everything is built in the chosen language (the settings need the names above).
  const QString language = args.isSet(QStringLiteral("language")) ? args.value(QStringLiteral("language"))
                                                                  : lstm::initialLanguage();
  if (!lstm::applyLanguage(language))
    return fail(QStringLiteral("--language: expected one of %1, got '%2'")
                    .arg(lstm::availableLanguages().join(QStringLiteral(", ")), language));
  if (args.positionalArguments().size() > 1)
    return fail(QStringLiteral("expected at most one model file; see --help"));

  lstm::MainWindow window;
  if (args.isSet(QStringLiteral("screenshot")))
    return screenshot(window, args);
  for (const char *option : {"model", "text", "steps", "size", "select", "colour"})
    if (args.isSet(QString::fromLatin1(option)))
      return fail(QStringLiteral("--%1 only goes with --screenshot").arg(QString::fromLatin1(option)));
  window.show();
  if (args.isSet(QStringLiteral("presentation")))
    window.presentationMode()->enter();
  const bool opened = args.positionalArguments().isEmpty() ? window.openDefaultModel()
                                                           : window.openModel(args.positionalArguments().front());
  if (!opened && !args.positionalArguments().isEmpty())
    window.openDefaultModel(); // the message has named the file; show something alive rather than nothing
  if (args.isSet(QStringLiteral("lesson")) && !startLesson(window, args))
    return 1;
  return app.exec();
}
