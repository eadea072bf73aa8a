#pragma once
// Remembers the source text of each action, menu and dock title registered here, so one call re-translates
// them all after a language switch (QEvent::LanguageChange) without rebuilding a widget or losing its state.
// Callers mark the sources with QT_TRANSLATE_NOOP(context, "…") so lupdate finds them under `context`.
#include <QPointer>

#include <vector>

class QAction;
class QDockWidget;
class QMenu;
class QObject;

namespace lstm {

class TranslatedTexts {
public:
  explicit TranslatedTexts(const char *context) : m_context(context) {}

  // Each sets the translated text now and again on every retranslate(); returns its argument.
  QAction *action(QAction *action, const char *source, const char *toolTip = nullptr);
  QMenu *menu(QMenu *menu, const char *source);
  QDockWidget *dock(QDockWidget *dock, const char *source);
  // Re-reads every registered text in the current language; objects deleted since are skipped.
  void retranslate() const;

private:
  struct Entry {
    QPointer<QObject> target;
    const char *source = nullptr;
    const char *toolTip = nullptr;
  };
  void apply(const Entry &entry) const;

  const char *m_context;
  std::vector<Entry> m_entries;
};

} // namespace lstm
