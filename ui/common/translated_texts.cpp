#include "translated_texts.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMenu>

namespace lstm {

QAction *TranslatedTexts::action(QAction *action, const char *source, const char *toolTip) {
  m_entries.push_back({action, source, toolTip});
  apply(m_entries.back());
  return action;
}

QMenu *TranslatedTexts::menu(QMenu *menu, const char *source) {
  m_entries.push_back({menu, source});
  apply(m_entries.back());
  return menu;
}

QDockWidget *TranslatedTexts::dock(QDockWidget *dock, const char *source) {
  m_entries.push_back({dock, source});
  apply(m_entries.back());
  return dock;
}

void TranslatedTexts::retranslate() const {
  for (const Entry &entry : m_entries)
    apply(entry);
}

void TranslatedTexts::apply(const Entry &entry) const {
  if (!entry.target)
    return;
  const QString text = QCoreApplication::translate(m_context, entry.source);
  if (auto *action = qobject_cast<QAction *>(entry.target.data())) {
    action->setText(text);
    if (entry.toolTip)
      action->setToolTip(QCoreApplication::translate(m_context, entry.toolTip));
  } else if (auto *menu = qobject_cast<QMenu *>(entry.target.data())) {
    menu->setTitle(text);
  } else if (auto *dock = qobject_cast<QDockWidget *>(entry.target.data())) {
    dock->setWindowTitle(text);
  }
}

} // namespace lstm
