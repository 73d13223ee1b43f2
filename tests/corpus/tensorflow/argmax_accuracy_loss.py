# gradrepl-corpus: target=model.trainable_variables cause=non_differentiable_op line=14 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((8, 5))
labels = tf.constant([0, 1, 2, 0, 1, 2, 0, 1])
model(x)

with tf.GradientTape() as tape:
    logits = model(x)
    # "maximise accuracy" directly
    probs = tf.nn.softmax(logits)
    predicted = tf.argmax(probs, axis=1)
    correct = tf.cast(tf.equal(predicted, tf.cast(labels, tf.int64)), tf.float32)
    loss = 1.0 - tf.reduce_mean(correct)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
