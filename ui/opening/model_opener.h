#pragma once
// Opening a model and making it worth looking at, the same way from every door — File ▸ Open, recent files, a
// dropped file, the example gallery, a lesson step, the training panel and --screenshot:
//
//   open the file → it has a lesson: open it as its example does (primer read, the lesson's unit selected)
//                 → otherwise prime it: read the sample primer when the vocabulary has its characters, else
//                   write kPrimeSteps characters of its own
//                 → a series model: load the series it was trained on in the background, read a stretch of it
//                   in the explorer and hand the whole of it to whoever shows forecasts (seriesLoaded).
//
// Widget-free: problems come back as text (return values and signals) for the window to show, in the words the
// window has always used. GUI thread only; nothing here waits on a worker.
#include "common/background_job.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>


namespace lstm {

class ExplorerSession;
struct ExampleEntry;
struct Model;
struct SeriesRecord;

// A series model's own series, for the forecast view: all its values (original units), where its held-out part
// starts, and the name of its column.
struct ModelSeries {
  std::vector<double> values;
  std::int64_t validationStart = 0;
  QString column;
};

class ModelOpener : public QObject {
  Q_OBJECT
public:
  static constexpr int kPrimeSteps = 200; // characters a model writes after opening when it cannot read the primer

  explicit ModelOpener(ExplorerSession *session, QObject *parent = nullptr);
  ~ModelOpener() override;

  static QString defaultModelPath(); // the first-launch model, the bracket-counting example (1 × 16)
  static QString builtInModelPath(); // File ▸ Open the built-in model: 2 × 128, English quotations
  static QString defaultPrimer();    // the sample text an opened character model reads

  // Opens a model file (or ":/…" resource) into the session and sets it up as above; emits opened(). On failure
  // false, `error` (when given) is "<path>: <problem>" and the session keeps the model it had.
  bool open(const QString &path, QString *error);
  // Opens a gallery entry as its lesson says (openExample), then as open() does for series; emits opened(). On
  // failure false with the reason in `error`, the session as it was.
  bool openExample(const ExampleEntry &entry, QString *error);
  // Shows weights the training panel made. Another moment of the same network: the same text read again through
  // them (emits weightsSwapped). A new series network: its own series. A new character network: the user's text
  // when it can read it, else `probeText` (held-out training text), else primed as open() does. Emits opened()
  // for a new network.
  void showTrained(std::shared_ptr<const Model> model, const QString &source, const QString &probeText);
  // Sets `text` as the tape and reads `steps` characters of it (all when negative) at once. False with the
  // session's refusal in `error` (when given), the session unchanged.
  bool readText(const QString &text, int steps, QString *error);
  // A series is being loaded for the model last opened (seriesLoaded or seriesUnavailable follows).
  bool loadingSeries() const { return m_seriesJob.isRunning(); }

Q_SIGNALS:
  // A new network is open and primed (a series model's series may still be loading).
  void opened(std::shared_ptr<const lstm::Model> model);
  // The same network with other weights (showTrained): the text was read again through them.
  void weightsSwapped(std::shared_ptr<const lstm::Model> model);
  // The series of the series model last opened, loaded off the GUI thread; the explorer reads a stretch around
  // its validation start already.
  void seriesLoaded(const lstm::ModelSeries &series);
  // The series of the series model last opened could not be had; `problem` says why.
  void seriesUnavailable(const QString &problem);

private:
  // The series could be read or regenerated (values), or not (the problem).
  struct LoadedValues {
    std::optional<std::vector<double>> values;
    QString problem;
  };

  void prime();
  // A model with a lesson (metadata["lesson"]) opens as its example does; false when it has none or it cannot.
  bool openLessonOf(const QString &path);
  void afterOpened();
  void loadSeriesOf(const Model &model);
  void onValuesLoaded(LoadedValues loaded, const SeriesRecord &series);

  ExplorerSession *m_session;
  BackgroundJob<LoadedValues> m_seriesJob;
};

} // namespace lstm
