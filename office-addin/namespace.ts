/** Excel shows the add-in's functions as =SALESOPS.NAME(...): the manifest, the task pane and the docs all read it here. */
export const FUNCTION_NAMESPACE = 'SALESOPS';
